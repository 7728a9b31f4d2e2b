package madjep.junit;

import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import madjep.harness.Harness;
import madjep.harness.Seeds;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** Expands a {@link SimTest} method into one invocation per seed, each given its {@link SimSeed}. */
public final class SimTestExtension implements TestTemplateInvocationContextProvider {
  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> m.isAnnotationPresent(SimTest.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    Method m = context.getRequiredTestMethod();
    SimTestSettings settings = SimTestSettings.of(m.getAnnotation(SimTest.class), context::getConfigurationParameter,
        System::getenv);
    Seeds seeds = settings.seeds();
    String test = context.getRequiredTestClass().getName() + "#" + m.getName();
    // Lazily, seed by seed: a range of millions of seeds is never held in memory.
    return LongStream.range(0, seeds.count()).mapToObj(i -> invocation(seeds.get(i), settings, test));
  }

  private static TestTemplateInvocationContext invocation(long seed, SimTestSettings settings, String test) {
    String replay = "mvn test -Dtest='" + test + "' -D" + SimTestSettings.SEED + "=" + seed + "   (or "
        + SimTestSettings.envName(SimTestSettings.SEED) + "=" + seed + ")";
    String shrink = "mvn test -Dtest='" + test + "' -D" + SimTestSettings.SEED + "=" + seed + " -D"
        + SimTestSettings.SHRINK + "=true";
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return "seed " + seed;
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(new ParameterResolver() {
          @Override
          public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
            return p.getParameter().getType() == SimSeed.class;
          }

          @Override
          public Object resolveParameter(ParameterContext p, ExtensionContext e) {
            return new SimSeed(seed, settings, replay, shrink, Harness.defaults());
          }
        });
      }
    };
  }
}
