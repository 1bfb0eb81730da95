package io.conversations.adapter.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.conversations.application.port.out.Tokens;
import io.conversations.domain.common.Ids;
import io.conversations.domain.identity.UserRef;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** User tokens: JWTs signed with HS256, claims {@code corp}, {@code sub} (the userId) and {@code exp}. */
public final class JwtTokens implements Tokens {
    public static final int MIN_SECRET_BYTES = 32;
    /** Tokens remembered as verified, at most: a few MB, one per signed-in client of a busy node. */
    static final int MAX_REMEMBERED = 20_000;
    private final MACSigner signer;
    private final MACVerifier verifier;
    /**
     * Tokens this node verified, with what they say. A token cannot change, so a known one needs only its expiry
     * checked again: every request carries one, and parsing and MACing it was a tenth of a cached page's cost.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(UserRef user, long expiresAtMillis) {}

    /** A token whose {@code nbf} is later than now by more than this is not valid yet (clocks differ a little). */
    static final long NOT_BEFORE_SKEW_MILLIS = 30_000;

    private final byte[] cursorKey;

    public JwtTokens(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the token secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        try {
            this.signer = new MACSigner(bytes);
            this.verifier = new MACVerifier(bytes);
            javax.crypto.Mac derive = javax.crypto.Mac.getInstance("HmacSHA256");
            derive.init(new javax.crypto.spec.SecretKeySpec(bytes, "HmacSHA256"));
            this.cursorKey = derive.doFinal("conversations list cursors".getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("unusable token secret: " + e.getMessage(), e);
        }
    }

    /**
     * A key for the MAC of list cursors, derived from the token secret (never the secret itself): every node of a
     * cluster has the same secret, so a cursor one node gave out checks on another.
     */
    ListCursor cursors() {
        return new ListCursor(cursorKey);
    }

    @Override
    public String issue(UserRef user, long expiresAtMillis) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .claim("corp", user.corp().value())
                .subject(user.user().value())
                .issueTime(new Date())
                .expirationTime(new Date(expiresAtMillis))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a token failed", e);
        }
        return jwt.serialize();
    }

    /**
     * The user a token names, when it is well-formed, signed with our secret by HS256, not expired, and valid
     * already (its {@code nbf}, when it has one, is not in the future).
     */
    Optional<UserRef> verify(String token, long nowMillis) {
        Verified known = verified.get(token);
        if (known != null) {
            return known.expiresAtMillis() > nowMillis ? Optional.of(known.user()) : Optional.empty();
        }
        Optional<Verified> checked = check(token, nowMillis);
        checked.ifPresent(v -> {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(token, v);
        });
        return checked.map(Verified::user);
    }

    /**
     * A signature is accepted only in its one base64url spelling. A MAC of 32 bytes is 43 characters whose last
     * carries two unused bits; a decoder ignores them, so four spellings of one signature verified (a token with
     * its last character changed from A to B stayed valid). RFC 7515 leaves it to the verifier; one spelling
     * per token keeps "this exact token" meaning one thing (the cache of verified tokens is keyed by it).
     */
    private static boolean isCanonical(Base64URL signature) {
        return signature != null && Base64URL.encode(signature.decode()).toString().equals(signature.toString());
    }

    private Optional<Verified> check(String token, long nowMillis) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !isCanonical(jwt.getSignature())
                    || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            Object corp = claims.getClaim("corp");
            String sub = claims.getSubject();
            Date nbf = claims.getNotBeforeTime();
            if (exp == null || exp.getTime() <= nowMillis || !(corp instanceof String c) || !Ids.isValid(c)
                    || !Ids.isValid(sub) || (nbf != null && nbf.getTime() > nowMillis + NOT_BEFORE_SKEW_MILLIS)) {
                return Optional.empty();
            }
            return Optional.of(new Verified(UserRef.of(c, sub), exp.getTime()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
