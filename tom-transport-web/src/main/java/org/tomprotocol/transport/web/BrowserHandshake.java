package org.tomprotocol.transport.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.tomprotocol.api.NodeId;
import org.tomprotocol.spi.crypto.CryptoSuite;

/**
 * The messages of the endpoint's WebSocket, each one binary WebSocket message whose first byte is its kind:
 * <ul>
 * <li>{@code HELLO = 0x01 ‖ endpoint node id (32) ‖ challenge (32)}, from the endpoint when the socket opens;</li>
 * <li>{@code PROOF = 0x02 ‖ browser node id (32) ‖ signature (64)}, the browser's Ed25519 signature over
 * {@code "tom-ws-v1" ‖ challenge ‖ endpoint node id ‖ browser node id}: it holds the key it claims, answers this
 * challenge, and means this endpoint;</li>
 * <li>{@code FRAME = 0x03 ‖ frame channel (1) ‖ frame}, both ways once the proof is accepted.</li>
 * </ul>
 */
final class BrowserHandshake {
    static final byte HELLO = 0x01;
    static final byte PROOF = 0x02;
    static final byte FRAME = 0x03;
    static final int CHALLENGE_BYTES = 32;
    private static final byte[] DOMAIN = "tom-ws-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int ID_BYTES = 32;
    private static final int SIGNATURE_BYTES = 64;

    private BrowserHandshake() {
    }

    static byte[] hello(NodeId endpoint, byte[] challenge) {
        byte[] message = new byte[1 + ID_BYTES + CHALLENGE_BYTES];
        message[0] = HELLO;
        endpoint.copyTo(message, 1);
        System.arraycopy(challenge, 0, message, 1 + ID_BYTES, CHALLENGE_BYTES);
        return message;
    }

    /** What the browser signs. */
    static byte[] signed(byte[] challenge, NodeId endpoint, NodeId browser) {
        byte[] message = new byte[DOMAIN.length + CHALLENGE_BYTES + 2 * ID_BYTES];
        System.arraycopy(DOMAIN, 0, message, 0, DOMAIN.length);
        System.arraycopy(challenge, 0, message, DOMAIN.length, CHALLENGE_BYTES);
        endpoint.copyTo(message, DOMAIN.length + CHALLENGE_BYTES);
        browser.copyTo(message, DOMAIN.length + CHALLENGE_BYTES + ID_BYTES);
        return message;
    }

    static byte[] proof(NodeId browser, byte[] signature) {
        byte[] message = new byte[1 + ID_BYTES + SIGNATURE_BYTES];
        message[0] = PROOF;
        browser.copyTo(message, 1);
        System.arraycopy(signature, 0, message, 1 + ID_BYTES, SIGNATURE_BYTES);
        return message;
    }

    /**
     * The browser a proof authenticates, or {@code null} if it is malformed, names an invalid key, or its signature
     * does not hold for this challenge and endpoint.
     */
    static NodeId verify(byte[] proof, byte[] challenge, NodeId endpoint, CryptoSuite crypto) {
        if (proof.length != 1 + ID_BYTES + SIGNATURE_BYTES || proof[0] != PROOF) {
            return null;
        }
        NodeId browser = NodeId.of(Arrays.copyOfRange(proof, 1, 1 + ID_BYTES));
        byte[] signature = Arrays.copyOfRange(proof, 1 + ID_BYTES, proof.length);
        if (!crypto.isValidPublicKey(browser) || browser.equals(endpoint)
                || !crypto.verify(browser, signed(challenge, endpoint, browser), signature)) {
            return null;
        }
        return browser;
    }

    static byte[] frame(int channel, byte[] frame) {
        byte[] message = new byte[2 + frame.length];
        message[0] = FRAME;
        message[1] = (byte) channel;
        System.arraycopy(frame, 0, message, 2, frame.length);
        return message;
    }
}
