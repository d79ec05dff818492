package io.watchkeeper.mqtt.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The login throttle bounds concurrent password checks and refuses logins beyond its line at once. */
class LoginThrottleTest {

    @Test
    void runsAtMostTheConcurrentChecksAndRefusesBeyondTheLine() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(4);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Runnable check = () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
                done.countDown();
            }
        };
        try (LoginThrottle throttle = new LoginThrottle(2, 2, Duration.ofSeconds(10))) {
            for (int i = 0; i < 4; i++) {
                assertThat(throttle.offer(check)).as("login %d", i).isTrue();
            }
            // two checks run, two wait: the fifth login is refused without waiting
            assertThat(throttle.offer(check)).isFalse();
            assertThat(throttle.refused()).isEqualTo(1);
            // both checks must have started before they are released, or on a busy machine the first may end
            // before the second begins and the test would see one at a time
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (running.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            release.countDown();
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(mostAtOnce.get()).isEqualTo(2);
            // once the line is empty, logins are taken again
            CountDownLatch later = new CountDownLatch(1);
            assertThat(throttle.offer(later::countDown)).isTrue();
            assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
