package org.tomprotocol.core.wire;

/**
 * Payload of a {@code Price} envelope (wire spec §15, lock 5): a node that handles an origin's messages — as their
 * recipient or a relay — tells it what they cost now: {@code [stamp_bits, delay_ms, valid_ms]}. From then on, for
 * {@code valid_ms}, a message from that origin to or through that node is handled only with a stamp
 * ({@link Stamp}) of at least {@code stamp_bits}, and after about {@code delay_ms}. The envelope is signed by the
 * pricing node and not encrypted; it is never acknowledged.
 *
 * @param stampBits the stamp difficulty asked, 0 for none
 * @param delayMs   the delay added to each message, in ms
 * @param validMs   how long the price holds, in ms
 */
public record PricePayload(int stampBits, long delayMs, long validMs) {
    /** The longest delay a price may name. */
    public static final long MAX_DELAY_MS = 60_000;
    /** The longest a price may hold: it is asked again while the excess lasts. */
    public static final long MAX_VALID_MS = 600_000;

    public PricePayload {
        if (stampBits < 0 || stampBits > Stamp.MAX_BITS || delayMs < 0 || delayMs > MAX_DELAY_MS || validMs < 0
                || validMs > MAX_VALID_MS) {
            throw new IllegalArgumentException("a price is 0–" + Stamp.MAX_BITS + " stamp bits, a delay of 0–"
                    + MAX_DELAY_MS + " ms and a validity of 0–" + MAX_VALID_MS + " ms, not " + stampBits + ", "
                    + delayMs + ", " + validMs);
        }
    }

    public byte[] encode() {
        return new MsgpackWriter().arrayHeader(3).unsigned(stampBits).unsigned(delayMs).unsigned(validMs)
                .toByteArray();
    }

    public static PricePayload decode(byte[] bytes) throws WireException {
        MsgpackReader reader = new MsgpackReader(bytes);
        reader.expectArray(3, "price");
        PricePayload price = new PricePayload((int) reader.unsigned(Stamp.MAX_BITS, "stamp_bits"),
                reader.unsigned(MAX_DELAY_MS, "delay_ms"), reader.unsigned(MAX_VALID_MS, "valid_ms"));
        reader.expectEnd("price");
        if (!java.util.Arrays.equals(price.encode(), bytes)) {
            throw new WireException("non-canonical", "price not in its canonical form");
        }
        return price;
    }
}
