package io.conversations.adapter.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (Bucket4j): one per user, one for the admin key, and one per client address for requests whose
 * credentials were refused. A bucket holds {@code burst} requests and refills {@code perSecond} a second; a
 * request that finds it empty is refused with 429 and told when to come back. A rate of 0 turns that limit off.
 */
final class RateLimits {
    /** Idle users' buckets (full again) are forgotten once this many are held. */
    private static final int MAX_BUCKETS = 100_000;
    private final Limit user;
    private final Limit admin;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Bucket adminBucket;
    /**
     * Refused credentials from one address: {@value #FAILED_BURST} at once, then {@value #FAILED_PER_SECOND} a
     * second. Only refusals count, so a caller whose token is good is never held back by this.
     */
    static final int FAILED_BURST = 100;
    static final int FAILED_PER_SECOND = 10;
    private static final Limit FAILED = new Limit(FAILED_PER_SECOND, FAILED_BURST);
    /** Addresses are the client's to choose (IPv6): at most this many buckets, however many there are. */
    static final int MAX_FAILED_ADDRESSES = 10_000;
    private final Map<String, Bucket> failed = new ConcurrentHashMap<>();

    /** {@code perSecond} requests a second on average, up to {@code burst} at once; 0: no limit. */
    record Limit(int perSecond, int burst) {
        static final Limit OFF = new Limit(0, 0);

        Limit {
            if (perSecond < 0 || burst < 0 || (perSecond > 0 && burst < 1)) {
                throw new IllegalArgumentException("a rate limit is a positive rate and burst, or 0 for none");
            }
        }

        boolean off() {
            return perSecond == 0;
        }

        Bucket bucket() {
            return Bucket.builder().addLimit(Bandwidth.builder().capacity(burst)
                    .refillGreedy(perSecond, Duration.ofSeconds(1)).build()).build();
        }
    }

    RateLimits(Limit user, Limit admin) {
        this.user = user;
        this.admin = admin;
        this.adminBucket = admin.off() ? null : admin.bucket();
    }

    /** Empty when the user may go on, else the seconds to wait. */
    OptionalLong user(String key) {
        if (user.off()) {
            return OptionalLong.empty();
        }
        if (buckets.size() >= MAX_BUCKETS) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= user.burst());
        }
        return take(buckets.computeIfAbsent(key, k -> user.bucket()));
    }

    /** Counts a refused credential from {@code address}: empty while it may still be told 401, else the wait. */
    OptionalLong failed(String address) {
        if (failed.size() >= MAX_FAILED_ADDRESSES) {
            failed.values().removeIf(b -> b.getAvailableTokens() >= FAILED_BURST);
            if (failed.size() >= MAX_FAILED_ADDRESSES) {
                failed.clear(); // an attack from that many addresses: start over rather than grow
            }
        }
        return take(failed.computeIfAbsent(address, k -> FAILED.bucket()));
    }

    /** How many addresses' refusals are held (for the test of the bound). */
    int failedAddresses() {
        return failed.size();
    }

    OptionalLong admin() {
        return adminBucket == null ? OptionalLong.empty() : take(adminBucket);
    }

    private static OptionalLong take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }
}
