package org.tomprotocol.transport.webrtc;

import org.tomprotocol.api.spi.Availability;

/**
 * Whether webrtc-java's native library (libwebrtc, in its {@code linux-x86_64} jar) loads in this process: it needs
 * that jar beside the plugin and, on Linux, PulseAudio's client library even though no audio is used.
 */
final class WebRtcNatives {
    private static volatile Availability checked;

    private WebRtcNatives() {
    }

    static Availability availability() {
        Availability result = checked;
        if (result == null) {
            result = check();
            checked = result;
        }
        return result;
    }

    private static Availability check() {
        try {
            // its static initialiser loads the native library
            Class.forName("dev.onvoid.webrtc.PeerConnectionFactory", true, WebRtcNatives.class.getClassLoader());
            return Availability.AVAILABLE;
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            return Availability.unavailable("webrtc-java is not beside the plugin (dev.onvoid.webrtc:webrtc-java "
                    + "0.14.0 and its linux-x86_64 jar)", e);
        } catch (LinkageError e) {
            String detail = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
            if (detail.contains("libpulse")) {
                return Availability.unavailable("libwebrtc needs PulseAudio's client library: install the Debian "
                        + "package libpulse0", e);
            }
            return Availability.unavailable("libwebrtc does not load (is webrtc-java's linux-x86_64 jar beside the "
                    + "plugin?): " + detail, e);
        }
    }
}
