package madjep.linear;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import madjep.history.History;
import madjep.history.edn.Keyword;

/** Turns a failed search's record of where it got stuck into a {@link Failure}: data first, then a sentence. */
final class Explainer {
  private Explainer() {}

  static Failure explain(History h, Model model, PartitionOps ops, Stepper stepper, Search search, boolean split) {
    int b = search.blocked();
    List<Object> modelStates = new ArrayList<>();
    List<Object> states = new ArrayList<>();
    for (int i = 0; i < search.blockedStates().size(); i++) {
      Object s = stepper.decode(search.blockedStates().getLong(i));
      modelStates.add(s);
      states.add(model.stateData(s));
    }
    boolean capped = states.size() >= Search.MAX_STATES;
    List<List<Failure.Step>> prefixes = new ArrayList<>();
    for (int[] p : search.prefixes()) {
      List<Failure.Step> steps = new ArrayList<>(p.length);
      // Replayed through the model itself, so every state is the model's own (a compiled stepper may merge states
      // that behave alike).
      Object s = model.initialState();
      for (int op : p) {
        s = model.step(s, ops.f[op], ops.value[op]);
        if (s == Model.INCONSISTENT) {
          throw new IllegalStateException(model.name() + ": the compiled model allowed an op the model rejects: "
              + model.describeOp(ops.f[op], ops.value[op]));
        }
        steps.add(new Failure.Step(ref(h, ops, op), model.stateData(s)));
      }
      prefixes.add(steps);
    }
    Failure.OpRef op = ref(h, ops, b);
    int earlier = search.prefixes().isEmpty() ? 0 : search.prefixes().get(0).length;
    StringBuilder sb = new StringBuilder();
    sb.append("process ").append(describeProcess(op.process())).append(' ')
        .append(model.describeOp(ops.f[b], ops.value[b])).append(" at op ").append(op.index());
    if (split) {
      sb.append(" (key ").append(Values.describe(ops.key)).append(')');
    }
    String where = model.describeStates(modelStates) + (capped ? " (or other states)" : "");
    if (earlier == 0) {
      sb.append(", but no op can take effect before it, which leaves ").append(where);
    } else {
      sb.append(", but every order of the ").append(earlier).append(earlier == 1 ? " earlier op" : " earlier ops")
          .append(" leaves ").append(where);
    }
    return new Failure(ops.key, op, Collections.unmodifiableList(states), capped, List.copyOf(prefixes), sb.toString());
  }

  private static String describeProcess(Object p) {
    return p instanceof Keyword k ? k.name() : String.valueOf(p);
  }

  /** The op as the history has it: its completion when it has one, else its invocation. */
  static Failure.OpRef ref(History h, PartitionOps ops, int op) {
    int pos = ops.complete[op] >= 0 ? ops.complete[op] : ops.invoke[op];
    return new Failure.OpRef(pos, h.index(pos), h.line(pos), h.processValue(pos), h.type(pos).keyword(),
        ops.f[op], ops.value[op]);
  }
}
