package org.linkage.commons.evidence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which Open311 photo links are kept: public https names only, never an address a browser would reach inside. */
class MediaLinkTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg",
            "https://img.example.cn/a/b.jpg?x=1", "https://xn--fiqs8s.xn--fiqs8s/photo.png", "https://example.com:443/p.jpg"})
    void aPublicHttpsLinkIsKept(String url) {
        assertEquals(url, MediaLink.check(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://farm3.static.flickr.com/x.jpg", "ftp://example.com/x.jpg", "file:///etc/passwd",
            "https://127.0.0.1/x.jpg", "https://10.0.0.5/admin", "https://[::1]/x", "https://[fd00::1]/x",
            "https://169.254.169.254/latest/meta-data/", "https://2130706433/x", "https://0x7f000001/x",
            "https://0177.0.0.1/x", "https://localhost/x", "https://router.local/x", "https://db.internal/x",
            "https://intranet/x", "https://user:pw@example.com/x", "https://example.com:8443/x", "not a url",
            "https:///nohost"})
    void anythingElseIsNot(String url) {
        assertThrows(IllegalArgumentException.class, () -> MediaLink.check(url));
    }

    @org.junit.jupiter.api.Test
    void aVeryLongLinkIsNot() {
        assertThrows(IllegalArgumentException.class, () -> MediaLink.check("https://example.com/" + "a".repeat(2000)));
    }
}
