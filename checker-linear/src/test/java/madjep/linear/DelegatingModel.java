package madjep.linear;

import java.util.Collection;
import madjep.history.History;
import madjep.history.edn.Keyword;

/** A model that forwards to another but hides its compiled form, so the checker runs it through GenericStepper. */
record DelegatingModel(Model inner) implements Model {
  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public Object initialState() {
    return inner.initialState();
  }

  @Override
  public Object step(Object state, Keyword f, Object value) {
    return inner.step(state, f, value);
  }

  @Override
  public String checkOp(Keyword f, Object value) {
    return inner.checkOp(f, value);
  }

  @Override
  public boolean readOnly(Keyword f, Object value) {
    return inner.readOnly(f, value);
  }

  @Override
  public Collection<?> partitionKeys(History history, int invoke, Object value) {
    return inner.partitionKeys(history, invoke, value);
  }

  @Override
  public String describeOp(Keyword f, Object value) {
    return inner.describeOp(f, value);
  }

  @Override
  public String describeStates(Collection<?> states) {
    return inner.describeStates(states);
  }

  @Override
  public Object stateData(Object state) {
    return inner.stateData(state);
  }
}
