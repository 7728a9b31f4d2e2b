package madjep.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import madjep.history.DataError;
import madjep.history.History;
import madjep.history.edn.Keyword;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Issue 10: a user model that throws becomes a data error at the op, naming the model and the op. */
class ThrowingModelTest {
  /** A counter that casts every value to Long, as a hasty user model does. */
  private static class CastingCounter implements Model {
    @Override
    public String name() {
      return "casting-counter";
    }

    @Override
    public Object initialState() {
      return 0L;
    }

    @Override
    public Object step(Object state, Keyword f, Object value) {
      long sum = (Long) state;
      return f.name().equals("add") ? (Object) (sum + (Long) value) : value == null || value.equals(sum)
          ? state : INCONSISTENT;
    }
  }

  private static final History STRING_ADD = Hist.of(
      "0 :invoke :add 1", "0 :ok :add 1",
      "1 :invoke :add \"two\"", "1 :ok :add \"two\"",
      "0 :invoke :read nil", "0 :ok :read 1");

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void check_modelStepThrows_dataErrorAtTheOpNamingModelAndOp(int threads) {
    DataError e = assertThrows(DataError.class,
        () -> LinearizabilityChecker.check(STRING_ADD, new CastingCounter(),
            LinearizabilityOptions.defaults().withThreads(threads)));
    assertEquals(DataError.Kind.VALUE_SHAPE, e.kind());
    assertEquals(4, e.line(), e.getMessage()); // the :ok completion of the string add, whose value the model saw
    assertTrue(e.getMessage().contains("model casting-counter"), e.getMessage());
    assertTrue(e.getMessage().contains("step(:add \"two\")"), e.getMessage());
    assertInstanceOf(ClassCastException.class, e.getCause());
  }

  @Test
  void check_partitionKeysThrows_dataErrorAtTheOp() {
    Model m = new CastingCounter() {
      @Override
      public Collection<?> partitionKeys(History history, int invoke, Object value) {
        return List.of(((Long) value) % 2);
      }
    };
    DataError e = assertThrows(DataError.class,
        () -> LinearizabilityChecker.check(STRING_ADD, m, LinearizabilityOptions.defaults()));
    assertEquals(4, e.line(), e.getMessage());
    assertTrue(e.getMessage().contains("partitionKeys(:add \"two\")"), e.getMessage());
  }

  @Test
  void check_initialStateThrows_dataErrorNamingTheModel() {
    Model m = new CastingCounter() {
      @Override
      public Object initialState() {
        throw new IllegalStateException("not configured");
      }
    };
    DataError e = assertThrows(DataError.class, () -> LinearizabilityChecker.check(STRING_ADD, m,
        LinearizabilityOptions.defaults()));
    assertTrue(e.getMessage().contains("model casting-counter to answer initialState()"), e.getMessage());
    assertInstanceOf(IllegalStateException.class, e.getCause());
  }

  @Test
  void check_modelThatDoesNotThrow_stillAnswers() {
    History ints = Hist.of("0 :invoke :add 1", "0 :ok :add 1", "0 :invoke :read nil", "0 :ok :read 2");
    assertEquals(madjep.history.Verdict.INVALID,
        LinearizabilityChecker.check(ints, new CastingCounter(), LinearizabilityOptions.defaults()).verdict());
  }
}
