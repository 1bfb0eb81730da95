package io.conversations.adapter.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipTest {

    @Test
    void whatIsKeptIsGzipAnyClientReadsAndInflatesToTheSameBytes() throws Exception {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 100, 12_000, 300_000}) {
            byte[] plain = new byte[size];
            for (int i = 0; i < size; i++) {
                plain[i] = (byte) ("{\"conversationID\":\"GROUPsales\",\"title\":\"需求研发\"}".charAt(random.nextInt(40)));
            }
            byte[] gzipped = Gzip.compress(plain);
            assertArrayEquals(plain, Gzip.decompress(gzipped), size + " bytes");
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
                assertArrayEquals(plain, in.readAllBytes(), size + " bytes through java.util.zip's reader");
            }
        }
        byte[] page = "{\"conversationList\":[],\"nextCursor\":\"\",\"isFinished\":true,\"eventSeq\":7}"
                .repeat(100).getBytes(StandardCharsets.UTF_8);
        assertTrue(Gzip.compress(page).length * 10 < page.length, "a repetitive page shrinks");
    }

    @Test
    void gzipIsTakenWhenListedOrCoveredByAStarWithoutAWeightOfZero() {
        assertTrue(Gzip.accepted("gzip"));
        assertTrue(Gzip.accepted("gzip, deflate, br, zstd"));
        assertTrue(Gzip.accepted("deflate;q=1.0, GZIP;q=0.5"));
        assertTrue(Gzip.accepted("x-gzip"));
        assertTrue(Gzip.accepted("*"));
        assertTrue(Gzip.accepted("br, *;q=0.1"));
        assertFalse(Gzip.accepted(null));
        assertFalse(Gzip.accepted(""));
        assertFalse(Gzip.accepted("identity"));
        assertFalse(Gzip.accepted("br, deflate"));
        assertFalse(Gzip.accepted("gzip;q=0"));
        assertFalse(Gzip.accepted("gzip; q=0.000, identity"));
        assertFalse(Gzip.accepted("gzip;q=0, *"), "named and refused: the star does not bring it back");
        assertFalse(Gzip.accepted("*;q=0"));
        assertEquals(true, Gzip.accepted("gzip;q=0.001"));
    }
}
