package io.conversations.adapter.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (Bucket4j): one per user, and one for the admin key. A bucket holds {@code burst} requests and
 * refills {@code perSecond} a second; a request that finds it empty is refused with 429 and told when to come
 * back. A rate of 0 turns that limit off.
 */
final class RateLimits {
    /** Idle users' buckets (full again) are forgotten once this many are held. */
    private static final int MAX_BUCKETS = 100_000;
    private final Limit user;
    private final Limit admin;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Bucket adminBucket;

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
