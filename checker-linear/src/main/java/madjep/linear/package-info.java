/** P-compositional linearizability checker (Wing-Gong/Lowe search with memoization). */
package madjep.linear;
