package org.caart.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void aTokenCarriesAtLeast128RandomBitsAsUrlSafeText() {
        String token = Tokens.newToken();
        assertEquals(43, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        assertEquals(32, bytes.length);
        assertTrue(bytes.length * 8 >= 128);
    }

    @Test
    void tokensDiffer() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(Tokens.newToken());
        }
        assertEquals(1000, tokens.size());
    }

    @Test
    void aNewTokenIsWellFormed() {
        assertTrue(Tokens.wellFormed(Tokens.newToken()));
        assertTrue(Tokens.wellFormed("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123_-Z"));
    }

    @Test
    void missingShortLongOrNonUrlSafeStringsAreNotTokens() {
        String token = Tokens.newToken();
        assertFalse(Tokens.wellFormed(null));
        assertFalse(Tokens.wellFormed(""));
        assertFalse(Tokens.wellFormed(token.substring(1)));
        assertFalse(Tokens.wellFormed(token + "A"));
        assertFalse(Tokens.wellFormed("+" + token.substring(1)));
        assertFalse(Tokens.wellFormed("/" + token.substring(1)));
        assertFalse(Tokens.wellFormed(token.substring(1) + "="));
        assertFalse(Tokens.wellFormed(token.substring(1) + " "));
    }

    @Test
    void theHashIs64HexCharacters() {
        assertTrue(Tokens.hash(Tokens.newToken()).matches("[0-9a-f]{64}"));
    }

    @Test
    void theHashIsSha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.hash("abc"));
    }

    @Test
    void theSameTokenAlwaysHasTheSameHash() {
        String token = Tokens.newToken();
        assertEquals(Tokens.hash(token), Tokens.hash(new String(token.toCharArray())));
    }

    @Test
    void differentTokensHaveDifferentHashes() {
        assertNotEquals(Tokens.hash(Tokens.newToken()), Tokens.hash(Tokens.newToken()));
    }

    @Test
    void theHashDoesNotContainTheToken() {
        String token = Tokens.newToken();
        String hash = Tokens.hash(token);
        assertNotEquals(token, hash);
        assertFalse(hash.contains(token));
        assertFalse(Tokens.wellFormed(hash), "a stored hash cannot be used as a link token");
    }
}
