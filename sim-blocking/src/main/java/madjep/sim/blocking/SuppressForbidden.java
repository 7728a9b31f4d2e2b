package madjep.sim.blocking;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exempts a class or method from the build's forbiddenapis check: only the code that owns task threads (the
 * carriers) may start, park and unpark threads. Say why in {@link #value()}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR})
@interface SuppressForbidden {
  String value();
}
