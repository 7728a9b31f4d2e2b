package madjep.txn;

import java.util.ArrayList;
import java.util.List;
import madjep.history.History;
import madjep.history.Op;
import madjep.history.OpType;
import madjep.history.edn.EdnParser;
import madjep.history.edn.EdnVector;
import madjep.history.edn.Keyword;

/**
 * A mini-language for transactions, as in Elle's tests: {@code "ax1ay1"} appends 1 to :x and :y, {@code "rx12"}
 * reads :x = [1 2], {@code "rx"} is a two-element read {@code [:r :x]}; register style {@code "wx1rx1"} writes and
 * reads single values, {@code "rx"} reading nil. Keys are the letters x y z t u.
 */
final class Txns {
  private Txns() {}

  /** An :ok list-append transaction on process 0 at time 0. */
  static Op op(String s) {
    return op(0, OpType.OK, s);
  }

  static Op op(long process, OpType type, String s) {
    return new Op(-1, 0, type, EdnParser.box(process), Keyword.of("txn"), parse(s, false), null, null);
  }

  /** An :ok rw-register transaction on the given process at time 0. */
  static Op rw(long process, OpType type, String s) {
    return new Op(-1, 0, type, EdnParser.box(process), Keyword.of("txn"), parse(s, true), null, null);
  }

  /** [invocation, completion]: the invocation reads nil. */
  static Op[] pair(Op completion) {
    List<Object> mops = new ArrayList<>();
    for (Object o : (List<?>) completion.value()) {
      List<?> mop = (List<?>) o;
      if (mop.get(0) == Keyword.of("r")) {
        mops.add(EdnVector.of(mop.get(0), mop.get(1), null));
      } else {
        mops.add(mop);
      }
    }
    Op inv = new Op(-1, completion.time(), OpType.INVOKE, completion.process(), completion.f(),
        EdnVector.copyOf(mops), null, null);
    return new Op[] {inv, completion};
  }

  /** A history of ops and pairs, in order. */
  static History history(Object... opsOrPairs) {
    List<Op> ops = new ArrayList<>();
    for (Object o : opsOrPairs) {
      if (o instanceof Op op) {
        ops.add(op);
      } else {
        ops.addAll(List.of((Op[]) o));
      }
    }
    return History.of("<test>", ops);
  }

  private static EdnVector parse(String s, boolean register) {
    List<Object> txn = new ArrayList<>();
    List<Object> mop = null;
    List<Object> list = null;
    for (char c : s.toCharArray()) {
      if (c == 'a' || c == 'r' || c == 'w') {
        finish(txn, mop, list, register);
        mop = new ArrayList<>();
        mop.add(Keyword.of(c == 'a' ? "append" : c == 'r' ? "r" : "w"));
        list = null;
      } else if ("xyztu".indexOf(c) >= 0) {
        mop.add(Keyword.of(String.valueOf(c)));
      } else {
        long d = c - '0';
        if (mop.get(0) == Keyword.of("r") && !register) {
          if (list == null) {
            list = new ArrayList<>();
          }
          list.add(EdnParser.box(d));
        } else {
          mop.add(EdnParser.box(d));
        }
      }
    }
    finish(txn, mop, list, register);
    return EdnVector.copyOf(txn);
  }

  private static void finish(List<Object> txn, List<Object> mop, List<Object> list, boolean register) {
    if (mop == null) {
      return;
    }
    if (list != null) {
      mop.add(EdnVector.copyOf(list));
    } else if (register && mop.get(0) == Keyword.of("r") && mop.size() == 2) {
      mop.add(null);
    }
    txn.add(EdnVector.copyOf(mop));
  }
}
