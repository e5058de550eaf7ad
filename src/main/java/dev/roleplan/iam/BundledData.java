package dev.roleplan.iam;

import java.util.function.Supplier;

/**
 * One piece of bundled IAM data, loaded once on first use (thread-safe: concurrent callers wait for one load)
 * or ahead of time on a background thread. A broken resource fails every call the same way, not just the first.
 */
public final class BundledData<T> {

    private final String name;
    private final Supplier<T> loader;
    private volatile T value;
    private IamDataException failure;
    private final java.util.concurrent.atomic.AtomicBoolean prefetching = new java.util.concurrent.atomic.AtomicBoolean();

    BundledData(String name, Supplier<T> loader) {
        this.name = name;
        this.loader = loader;
    }

    /** @throws IamDataException if the bundled data is missing or broken */
    T get() {
        T loaded = value;
        if (loaded != null) {
            return loaded;
        }
        synchronized (this) {
            if (value == null) {
                if (failure != null) {
                    throw new IamDataException(failure.getMessage(), failure);
                }
                try {
                    value = loader.get();
                } catch (IamDataException e) {
                    failure = e;
                    throw e;
                }
            }
            return value;
        }
    }

    /**
     * Starts loading on a background daemon thread, so the load overlaps with other start-up work (reading a
     * plan); {@link #get()} then waits only for what is left. Errors surface at {@code get()}, on the caller's thread.
     */
    void prefetch() {
        // main and the command may both ask: one background load is enough
        if (value != null || !prefetching.compareAndSet(false, true)) {
            return;
        }
        inBackground("roleplan-" + name + "-prefetch", this::get);
    }

    /**
     * Runs {@code work} on a daemon thread whose failures, whatever they are, stay silent: a load ahead of time is
     * only a head start, and the next {@link #get()} on the caller's thread reports what went wrong. (Left to the
     * JVM, an OutOfMemoryError there would print a stack trace.) Also for any other head start, such as the
     * report renderer's.
     */
    public static Thread inBackground(String threadName, Runnable work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) { // see above: nothing of it may reach the user from this thread
                // reported, if it matters, by the caller's own get()
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
