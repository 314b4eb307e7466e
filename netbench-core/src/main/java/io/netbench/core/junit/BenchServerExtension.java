package io.netbench.core.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 lifecycle that netbench's test extensions share: an in-process server on a free
 * loopback port, started per test class or per test, handed to the test as a parameter or a
 * {@link BenchInject} field (the server, or a ready client builder pointing at it), and closed
 * after, event loops and all. Subclasses say how to build the server and what they inject:
 * {@code io.netbench.http.junit.HttpBenchExtension} and {@code io.netbench.tcp.junit.QperfExtension}.
 *
 * <p>Scope: registered with {@code @ExtendWith} or on a static {@code @RegisterExtension} field the
 * server is started once for the class, unless the extension was made per test; on an instance
 * {@code @RegisterExtension} field it is per test (JUnit then calls only the per-test callbacks).
 *
 * @param <S> the server type
 */
public abstract class BenchServerExtension<S extends AutoCloseable>
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final boolean perTest;
    private final ExtensionContext.Namespace namespace = ExtensionContext.Namespace.create(getClass(), this);

    /**
     * Makes the extension.
     *
     * @param perTest whether each test gets a server of its own (else one per class)
     */
    protected BenchServerExtension(boolean perTest) {
        this.perTest = perTest;
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @return the server, listening
     */
    protected abstract S start();

    /**
     * What this extension injects for a type.
     *
     * @param server the running server
     * @param type a parameter's or field's type
     * @return the value to inject, or {@code null} when this extension does not provide that type
     */
    protected abstract Object provide(S server, Class<?> type);

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        if (!perTest) {
            S server = start();
            context.getStore(namespace).put("server", server);
            inject(context.getRequiredTestClass(), null, server);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        S server = server(context).orElse(null);
        if (server == null) {
            server = start();
            context.getStore(namespace).put("server", server);
        }
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            inject(instance.getClass(), instance, server);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        close(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close(context);
    }

    /** Closes the server this context started, if it started one (not a parent's). */
    private void close(ExtensionContext context) throws Exception {
        Object server = context.getStore(namespace).remove("server");
        if (server instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context).map(s -> provide(s, parameter.getParameter().getType()) != null).orElse(false);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        S server = server(context).orElseThrow(() -> new ParameterResolutionException("no server started"));
        return provide(server, parameter.getParameter().getType());
    }

    @SuppressWarnings("unchecked")
    private Optional<S> server(ExtensionContext context) {
        return Optional.ofNullable((S) context.getStore(namespace).get("server"));
    }

    /** Fills the {@link BenchInject} fields this extension provides: static ones without an instance. */
    private void inject(Class<?> type, Object instance, S server) throws IllegalAccessException {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                boolean isStatic = Modifier.isStatic(field.getModifiers());
                Object value = field.isAnnotationPresent(BenchInject.class) && isStatic == (instance == null)
                        ? provide(server, field.getType()) : null;
                if (value != null) {
                    field.setAccessible(true);
                    field.set(instance, value);
                }
            }
        }
    }
}
