package io.conversations.adapter.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The buckets a client's input creates stay bounded, however many addresses it comes from. */
class RateLimitsTest {
    @Test
    void refusedCredentialsFromEverMoreAddressesHoldAtMostTheBoundOfBuckets() {
        RateLimits limits = new RateLimits(RateLimits.Limit.OFF, RateLimits.Limit.OFF);
        for (int i = 0; i < 3 * RateLimits.MAX_FAILED_ADDRESSES; i++) {
            limits.failed("2001:db8::" + Integer.toHexString(i));
            assertTrue(limits.failedAddresses() <= RateLimits.MAX_FAILED_ADDRESSES, "at " + i);
        }
    }

    @Test
    void anAddressIsSlowedAfterItsBurstOfRefusals() {
        RateLimits limits = new RateLimits(RateLimits.Limit.OFF, RateLimits.Limit.OFF);
        for (int i = 0; i < RateLimits.FAILED_BURST; i++) {
            assertTrue(limits.failed("192.0.2.1").isEmpty(), "refusal " + i + " is still a plain 401");
        }
        assertTrue(limits.failed("192.0.2.1").isPresent(), "then the address waits");
        assertTrue(limits.failed("192.0.2.2").isEmpty(), "another address does not");
    }
}
