package dev.guanxi.crm.test.tck;

import dev.guanxi.crm.spi.storage.Storage;
import dev.guanxi.crm.spi.storage.StorageCapabilities;
import dev.guanxi.crm.spi.storage.TransactionWork;
import dev.guanxi.crm.spi.storage.UnitOfWork;
import dev.guanxi.crm.spi.storage.UnitOfWorkContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A test decorator of a {@link Storage} that fails the k-th write of the next read-write unit of work: every
 * repository of that unit of work is wrapped in a proxy that counts the calls that write (those that return
 * {@code void} or {@code boolean}: insert, update, delete, put, remove, append...) and throws an {@link
 * InjectedFailure} instead of the k-th. Units of work started later, and read-only ones, pass through untouched.
 *
 * <p>Thread-safe for one test thread arming it; not meant for concurrent units of work.
 */
final class FailingStorage implements Storage {
    private final Storage target;
    private int failAt;
    private int writes;
    private boolean armed;

    FailingStorage(Storage target) {
        this.target = target;
    }

    /**
     * Arms the decorator for the next read-write unit of work.
     *
     * @param k which write fails, from 1
     */
    synchronized void failOnWrite(int k) {
        failAt = k;
        writes = 0;
        armed = true;
    }

    /** @return how many writes the armed unit of work made (including the one that failed) */
    synchronized int writes() {
        return writes;
    }

    @Override
    public <T> T inTransaction(UnitOfWorkContext context, TransactionWork<T> work) {
        boolean counting;
        synchronized (this) {
            counting = armed && !context.readOnly();
            if (counting) {
                armed = false;
            }
        }
        if (!counting) {
            return target.inTransaction(context, work);
        }
        return target.inTransaction(context, uow -> {
            synchronized (this) {
                writes = 0; // a store may run the work again after a transient failure
            }
            return work.run(wrap(UnitOfWork.class, uow));
        });
    }

    @Override
    public StorageCapabilities capabilities() {
        return target.capabilities();
    }

    @Override
    public void close() {
        // The test closes the store it decorates.
    }

    private <T> T wrap(Class<T> type, T delegate) {
        InvocationHandler handler = (proxy, method, args) -> {
            Class<?> returns = method.getReturnType();
            if (type != UnitOfWork.class && (returns == void.class || returns == boolean.class)) {
                count(method);
            }
            Object result = invoke(method, delegate, args);
            if (type == UnitOfWork.class && returns.isInterface() && result != null) {
                @SuppressWarnings("unchecked")
                Class<Object> repository = (Class<Object>) returns;
                return wrap(repository, result);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private synchronized void count(Method method) {
        writes++;
        if (writes == failAt) {
            throw new InjectedFailure(writes, method.getDeclaringClass().getSimpleName() + "." + method.getName());
        }
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The failure a {@link FailingStorage} injects. */
    static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Which write failed. */
        final int step;

        InjectedFailure(int step, String call) {
            super("injected failure at write " + step + " (" + call + ")");
            this.step = step;
        }
    }
}
