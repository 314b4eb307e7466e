package io.netbench.core.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field that a {@link BenchServerExtension} fills: with the server it started or a ready
 * client builder pointing at it, by the field's type. A static field is filled before all tests of
 * the class (for a server started per class), an instance field before each test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface BenchInject {
}
