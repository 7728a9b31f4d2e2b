package madjep.junit.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a class of {@code @SimTest} methods through JUnit's own launcher, as a user's build runs it, and collects each
 * test's outcome (shared with {@code sim-blocking}'s tests through this module's test jar).
 */
public final class Launch {
  private Launch() {}

  /** What the launcher saw: {@code name} of each test -> "ok", or its failure message. */
  public static Map<String, String> outcomes(Class<?> target, Map<String, String> parameters,
      Function<TestIdentifier, String> name) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(target))
        .configurationParameters(parameters).build();
    Map<String, String> outcomes = Collections.synchronizedMap(new TreeMap<>());
    LauncherFactory.create().execute(request, new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
          outcomes.put(name.apply(id), result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "ok"
              : result.getThrowable().map(Throwable::getMessage).orElse("failed"));
        }
      }
    });
    return outcomes;
  }
}
