package io.conversations.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.conversations.domain.identity.UserRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** User tokens: what verifies, what does not, and that remembering verified tokens changes neither. */
class JwtTokensTest {
    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes!";
    private final JwtTokens tokens = new JwtTokens(SECRET);
    private final UserRef alice = UserRef.of("acme", "alice");

    @Test
    void aTokenVerifiesUntilItExpiresAlsoOnceRemembered() {
        String token = tokens.issue(alice, 10_000);
        assertEquals(Optional.of(alice), tokens.verify(token, 5_000));
        assertEquals(Optional.of(alice), tokens.verify(token, 9_999), "remembered, still valid");
        assertEquals(Optional.empty(), tokens.verify(token, 10_000), "remembered, but expired now");
    }

    @Test
    void aTokenWhoseNotBeforeIsAheadIsNotValidYet() throws Exception {
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("alice").claim("corp", "acme")
                        .notBeforeTime(new java.util.Date(100_000)).expirationTime(new java.util.Date(1_000_000)).build());
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(SECRET));
        String token = jwt.serialize();
        // Before, nbf was not read: the token verified at once.
        assertEquals(Optional.empty(), tokens.verify(token, 100_000 - JwtTokens.NOT_BEFORE_SKEW_MILLIS - 1));
        assertEquals(Optional.of(alice), tokens.verify(token, 100_000 - JwtTokens.NOT_BEFORE_SKEW_MILLIS),
                "a clock a little behind the issuer's");
        assertEquals(Optional.of(alice), tokens.verify(token, 100_000));
    }

    @Test
    void aTamperedOrForeignTokenNeverVerifiesEvenBesideARememberedOne() {
        String token = tokens.issue(alice, 10_000);
        assertEquals(Optional.of(alice), tokens.verify(token, 1));
        String[] parts = token.split("\\.");
        String otherPayload = tokens.issue(UserRef.of("acme", "mallory"), 10_000).split("\\.")[1];
        assertEquals(Optional.empty(), tokens.verify(parts[0] + "." + otherPayload + "." + parts[2], 1),
                "alice's signature on mallory's claims");
        assertEquals(Optional.empty(), tokens.verify(token + "x", 1));
        String foreign = new JwtTokens(SECRET.replace('a', 'b')).issue(alice, 10_000);
        assertEquals(Optional.empty(), tokens.verify(foreign, 1), "signed with another secret");
    }

    @Test
    void aSignatureVerifiesInItsOneSpellingOnly() {
        // 32 bytes of MAC are 43 base64url characters; the last one's two low bits are unused. Before, changing
        // them (the last character A to B, C or D, ...) left a token that verified: one in 16 forged tokens of
        // the web suite's kind logged in.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < 64; i++) {
            String token = tokens.issue(UserRef.of("acme", "user" + i), 10_000);
            int last = alphabet.indexOf(token.charAt(token.length() - 1));
            assertEquals(0, last & 3, "a canonical signature's unused bits are 0");
            for (int unused = 1; unused < 4; unused++) {
                String sameBits = token.substring(0, token.length() - 1) + alphabet.charAt(last | unused);
                assertEquals(Optional.empty(), tokens.verify(sameBits, 1), sameBits);
            }
            assertEquals(Optional.of(UserRef.of("acme", "user" + i)), tokens.verify(token, 1));
        }
    }

    @Test
    void rememberingIsBoundedAndForgettingChangesNoAnswer() {
        String first = tokens.issue(alice, 10_000);
        assertEquals(Optional.of(alice), tokens.verify(first, 1));
        for (int i = 0; i < JwtTokens.MAX_REMEMBERED + 1; i++) {
            tokens.verify(tokens.issue(UserRef.of("acme", "u" + i), 10_000), 1);
        }
        assertEquals(Optional.of(alice), tokens.verify(first, 1), "verified again after the memory was cleared");
    }
}
