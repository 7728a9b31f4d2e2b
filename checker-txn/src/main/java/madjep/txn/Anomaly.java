package madjep.txn;

/** One piece of evidence for an anomaly: a cycle, or a case such as an aborted read. */
public sealed interface Anomaly permits CycleAnomaly, CaseAnomaly, ExplainedAnomaly {
  /** Elle's name of the anomaly type, e.g. {@code G-single-item}. */
  String type();

  /** The evidence as EDN data, shaped as Elle shapes it. */
  Object toData();
}
