package dev.roleplan.iam;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BundledDataTest {

    /** A failure on a load-ahead thread, even an Error, prints nothing: the caller's own get() reports it. */
    @Test
    void aBackgroundFailurePrintsNoStackTrace() throws InterruptedException {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(seen, true));
            BundledData.inBackground("test-load", () -> {
                throw new OutOfMemoryError("Java heap space");
            }).join();
            BundledData.inBackground("test-load", () -> {
                throw new IamDataException("broken");
            }).join();
        } finally {
            System.setErr(err);
        }
        assertEquals("", seen.toString());
    }

    @Test
    void prefetchedAsOftenAsAskedItLoadsOnce() {
        AtomicInteger loads = new AtomicInteger();
        BundledData<String> data = new BundledData<>("test", () -> "loaded " + loads.incrementAndGet());
        data.prefetch();
        data.prefetch();
        data.prefetch();
        assertEquals("loaded 1", data.get());
        assertEquals("loaded 1", data.get());
        assertEquals(1, loads.get());
    }

    @Test
    void aBrokenResourceFailsEveryCallAlike() {
        AtomicInteger loads = new AtomicInteger();
        BundledData<String> data = new BundledData<>("test", () -> {
            loads.incrementAndGet();
            throw new IamDataException("broken");
        });
        data.prefetch();
        assertEquals("broken", assertThrows(IamDataException.class, data::get).getMessage());
        assertEquals("broken", assertThrows(IamDataException.class, data::get).getMessage());
        assertEquals(1, loads.get());
    }
}
