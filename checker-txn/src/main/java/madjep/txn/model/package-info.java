/**
 * Elle's taxonomy as tables: which anomalies imply which, which consistency models imply which, and which anomalies
 * each model proscribes. {@link madjep.txn.model.ConsistencyModels} closes them the way Elle does: the anomalies a set
 * of models prohibits, the models a set of anomalies rules out, and the {@code :not} / {@code :also-not} boundary.
 */
package madjep.txn.model;
