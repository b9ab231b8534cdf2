package org.lettersvisits.platform.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.lettersvisits.platform.ApiClient;

/**
 * A steady load of whole lifecycles: a few workers, each starting the next lifecycle as soon as its
 * last one is done, until {@link #stop()}; {@link #awaitInFlight()} then lets the running ones finish.
 */
final class Load {

    private final ApiClient api;
    private final int workers;
    private final Duration visitWait;
    private final AtomicInteger numbers;
    private final List<Lifecycle> lifecycles = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    Load(ApiClient api, int workers, Duration visitWait, AtomicInteger numbers) {
        this.api = api;
        this.workers = workers;
        this.visitWait = visitWait;
        this.numbers = numbers;
    }

    void start() {
        running = true;
        for (int i = 0; i < workers; i++) {
            Thread worker = new Thread(this::work, "chaos-load-" + i);
            worker.setDaemon(true);
            threads.add(worker);
            worker.start();
        }
    }

    private void work() {
        while (running) {
            Lifecycle lifecycle = new Lifecycle(numbers.getAndIncrement(), api);
            lifecycles.add(lifecycle);
            try {
                lifecycle.run(api, visitWait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** No new lifecycle starts. */
    void stop() {
        running = false;
    }

    /** Waits for the lifecycles under way to finish (each gives up on a step after its limit). */
    void awaitInFlight() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
    }

    List<Lifecycle> lifecycles() {
        return List.copyOf(lifecycles);
    }
}
