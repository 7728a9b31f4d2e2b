package madjep.linear;

import madjep.history.Verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import madjep.history.edn.Edn;
import org.junit.jupiter.api.Test;

/** Each built-in model's rules on small histories, and its initial-value option. */
class ModelsTest {
  private static Verdict check(String model, String initial, String... ops) {
    return LinearizabilityChecker.check(Hist.of(ops), Models.parse(model, initial), LinearizabilityOptions.defaults())
        .verdict();
  }

  @Test
  void mutex_doubleAcquire_invalid_acquireReleaseAcquire_valid() {
    assertEquals(Verdict.INVALID, check("mutex", null, "0 :invoke :acquire nil", "0 :ok :acquire nil",
        "1 :invoke :acquire nil", "1 :ok :acquire nil"));
    assertEquals(Verdict.VALID, check("mutex", null, "0 :invoke :acquire nil", "0 :ok :acquire nil",
        "0 :invoke :release nil", "0 :ok :release nil", "1 :invoke :acquire nil", "1 :ok :acquire nil"));
    assertEquals(Verdict.INVALID, check("mutex", "true", "0 :invoke :acquire nil", "0 :ok :acquire nil"));
  }

  @Test
  void set_readMustMatchAddsExactly() {
    assertEquals(Verdict.VALID, check("set", null, "0 :invoke :add 1", "0 :ok :add 1", "1 :invoke :read nil",
        "1 :ok :read #{1}"));
    assertEquals(Verdict.INVALID, check("set", null, "0 :invoke :add 1", "0 :ok :add 1", "1 :invoke :read nil",
        "1 :ok :read #{}"));
    assertEquals(Verdict.VALID, check("set", "#{7}", "0 :invoke :read nil", "0 :ok :read [7]"));
  }

  @Test
  void fifoQueue_dequeuesInOrder() {
    String[] inOrder = {"0 :invoke :enqueue 1", "0 :ok :enqueue 1", "0 :invoke :enqueue 2", "0 :ok :enqueue 2",
        "1 :invoke :dequeue nil", "1 :ok :dequeue 1"};
    assertEquals(Verdict.VALID, check("fifo-queue", null, inOrder));
    String[] outOfOrder = inOrder.clone();
    outOfOrder[5] = "1 :ok :dequeue 2";
    assertEquals(Verdict.INVALID, check("fifo-queue", null, outOfOrder));
    assertEquals(Verdict.VALID, check("unordered-queue", null, outOfOrder));
    assertEquals(Verdict.VALID, check("fifo-queue", "[5]", "1 :invoke :dequeue nil", "1 :ok :dequeue 5"));
  }

  @Test
  void unorderedQueue_dequeueOfAbsentValue_invalid() {
    assertEquals(Verdict.INVALID, check("unordered-queue", null, "0 :invoke :enqueue 1", "0 :ok :enqueue 1",
        "1 :invoke :dequeue nil", "1 :ok :dequeue 3"));
  }

  @Test
  void kv_appendsConcatenate_initialValueApplies() {
    assertEquals(Verdict.VALID, check("kv", "\"a\"", "0 :invoke :append \"b\"", "0 :ok :append \"b\"",
        "1 :invoke :get nil", "1 :ok :get \"ab\""));
    assertEquals(Verdict.INVALID, check("kv", null, "0 :invoke :append \"b\"", "0 :ok :append \"b\"",
        "1 :invoke :get nil", "1 :ok :get \"ab\""));
  }

  @Test
  void multiRegister_readsSeeEarlierWritesInTheSameTxn() {
    assertEquals(Verdict.VALID, check("multi-register", "{:x 0}",
        "0 :invoke :txn [[:write :x 1] [:read :x nil]]", "0 :ok :txn [[:write :x 1] [:read :x 1]]"));
    assertEquals(Verdict.INVALID, check("multi-register", "{:x 0}",
        "0 :invoke :txn [[:write :x 1] [:read :x nil]]", "0 :ok :txn [[:write :x 1] [:read :x 0]]"));
  }

  @Test
  void register_writeThenRead() {
    assertEquals(Verdict.VALID, check("register", null, "0 :invoke :write 1", "0 :ok :write 1",
        "1 :invoke :read nil", "1 :ok :read 1"));
  }

  @Test
  void byName_unknownModelOrWrongInitial_explains() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.byName("stack"));
    assertEquals("expected a model: register, cas-register, multi-register, mutex, kv, set, fifo-queue, "
        + "unordered-queue, etcd; found 'stack'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Models.byName("kv", Edn.parse("3")));
    assertEquals("expected an initial value for kv: a string, found 3", e.getMessage());
  }

  @Test
  void everyName_buildsAModelOfThatName() {
    for (String name : Models.NAMES) {
      assertEquals(name, Models.byName(name).name());
    }
  }
}
