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
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test decorator of a {@link Storage} that holds one read-write unit of work open just before its commit: once
 * {@linkplain #arm armed} for a thread and a repository (the name of its {@link UnitOfWork} accessor, e.g. {@code
 * "customers"}), the first read-write unit of work of that thread whose work called a writing method of that
 * repository (one returning {@code void}: insert, update, delete, upsert...) and returned normally does not return
 * to the store at once: it signals {@link Hold#reached()} and waits for {@link Hold#release()}. The store commits
 * only then, so another session can run while the held transaction has written but not committed (its row locks,
 * or the in-memory store's write lock, still held). Other units of work pass through untouched.
 *
 * <p>Thread-safe: one controlling thread arms it, the sessions' threads run through it.
 */
final class HoldingStorage implements Storage {
    /** How long a held transaction waits for its release before it gives up (and rolls back). */
    static final Duration HOLD_LIMIT = Duration.ofSeconds(30);

    private final Storage target;
    private volatile Hold hold;

    HoldingStorage(Storage target) {
        this.target = target;
    }

    /** A pending hold: where the held transaction signals and waits. */
    static final class Hold {
        private final Thread thread;
        private final String repository;
        private final CompletableFuture<Void> reached = new CompletableFuture<>();
        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicBoolean used = new AtomicBoolean();

        private Hold(Thread thread, String repository) {
            this.thread = thread;
            this.repository = repository;
        }

        /** @return completed when the held transaction has done its work and waits before its commit */
        CompletableFuture<Void> reached() {
            return reached;
        }

        /** Lets the held transaction commit (or lets the next one pass, if none was held). */
        void release() {
            release.countDown();
        }
    }

    /**
     * Arms the decorator: the next read-write unit of work of {@code thread} that writes to {@code repository} is
     * held before its commit.
     *
     * @param thread the session's thread
     * @param repository the accessor name of the repository whose writes trigger the hold
     * @return the hold
     */
    Hold arm(Thread thread, String repository) {
        Hold h = new Hold(thread, repository);
        hold = h;
        return h;
    }

    /** Disarms the decorator (releasing a hold still pending). */
    void disarm() {
        Hold h = hold;
        hold = null;
        if (h != null) {
            h.release();
        }
    }

    @Override
    public <T> T inTransaction(UnitOfWorkContext context, TransactionWork<T> work) {
        Hold h = hold;
        if (h == null || context.readOnly() || Thread.currentThread() != h.thread || h.used.get()) {
            return target.inTransaction(context, work);
        }
        return target.inTransaction(context, uow -> {
            AtomicBoolean wrote = new AtomicBoolean();
            T result = work.run(watch(uow, h.repository, wrote));
            if (wrote.get() && h.used.compareAndSet(false, true)) {
                h.reached.complete(null);
                try {
                    if (!h.release.await(HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("the held transaction was never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while held before commit", e);
                }
            }
            return result;
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

    private static UnitOfWork watch(UnitOfWork uow, String repository, AtomicBoolean wrote) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(method, uow, args);
            if (method.getName().equals(repository)
                    && method.getParameterCount() == 0
                    && method.getReturnType().isInterface()
                    && result != null) {
                return watchRepository(method.getReturnType(), result, wrote);
            }
            return result;
        };
        return (UnitOfWork)
                Proxy.newProxyInstance(UnitOfWork.class.getClassLoader(), new Class<?>[] {UnitOfWork.class}, handler);
    }

    private static Object watchRepository(Class<?> type, Object delegate, AtomicBoolean wrote) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(method, delegate, args);
            if (method.getReturnType() == void.class) {
                wrote.set(true);
            }
            return result;
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
