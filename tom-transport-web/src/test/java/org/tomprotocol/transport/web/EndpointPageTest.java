package org.tomprotocol.transport.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomprotocol.api.TransportAddress;
import org.tomprotocol.crypto.TomV1Suite;
import org.tomprotocol.spi.transport.Transport;
import org.tomprotocol.spi.transport.TransportContext;
import org.tomprotocol.spi.transport.TransportException;

/**
 * The endpoint's page: the files of {@code web.page-dir}, read once at start, served with a policy that lets the page
 * load only its own files and talk only to its own endpoint; nothing outside the directory, and nothing added later,
 * can be asked for.
 */
class EndpointPageTest {
    private static final TomV1Suite SUITE = new TomV1Suite();
    @TempDir
    Path directory;
    private Transport transport;
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        client.close();
        if (transport != null) {
            transport.close();
        }
    }

    private Transport start(Map<String, String> options) throws TransportException {
        return new WebTransportProvider().bind(new TransportContext(SUITE.generateIdentity(), SUITE,
                List.of(TransportAddress.parse("ws:127.0.0.1:0")), 1 << 16, options, new IgnoringListener()));
    }

    private String base() {
        return "http://" + transport.localAddresses().get(0).address();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Path pageWithAnotherFileBeside() throws IOException {
        Path page = Files.createDirectories(directory.resolve("page"));
        Files.writeString(page.resolve("index.html"), "<!doctype html><title>chat</title>");
        Files.writeString(Files.createDirectories(page.resolve("lib")).resolve("app.js"), "export const x = 1;");
        Files.writeString(directory.resolve("secret.txt"), "not for browsers");
        return page;
    }

    @Test
    void theIndexIsServedAtTheRootAndEveryFileBelowItWithItsTypeAndTheSameOriginPolicy() throws Exception {
        transport = start(Map.of("web.page-dir", pageWithAnotherFileBeside().toString()));

        HttpResponse<String> index = get("/?identity=second");
        HttpResponse<String> script = get("/lib/app.js");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).isEqualTo("<!doctype html><title>chat</title>");
        assertThat(index.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(index.headers().firstValue("content-security-policy")).hasValue(EndpointPage.CONTENT_SECURITY_POLICY);
        assertThat(index.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).isEqualTo("export const x = 1;");
    }

    @Test
    void noPathReachesOutsideTheDirectoryNorAFileAddedAfterTheStart() throws Exception {
        Path page = pageWithAnotherFileBeside();
        transport = start(Map.of("web.page-dir", page.toString()));
        Files.writeString(page.resolve("later.html"), "added after the start");

        assertThat(get("/later.html").statusCode()).isEqualTo(404);
        assertThat(get("/lib").statusCode()).isEqualTo(404);
        // the JDK client normalises dots away: the raw request line goes over a plain socket
        String up = "..";
        assertThat(rawRequestLine("GET /" + up + "/secret.txt HTTP/1.1")).startsWith("HTTP/1.1 404");
        assertThat(rawRequestLine("GET /lib/" + up + "/" + up + "/secret.txt HTTP/1.1")).startsWith("HTTP/1.1 404");
        assertThat(rawRequestLine("GET " + directory.resolve("secret.txt") + " HTTP/1.1")).startsWith("HTTP/1.1 404");
    }

    @Test
    void aMethodOtherThanGetIsRefused() throws Exception {
        transport = start(Map.of("web.page-dir", pageWithAnotherFileBeside().toString()));
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(base() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void withoutAPageDirectoryTheRootNamesTheNode() throws Exception {
        transport = start(Map.of());
        assertThat(get("/").body()).contains("/tom");
        assertThat(get("/index.html").statusCode()).isEqualTo(404);
    }

    @Test
    void aPageDirectoryThatIsNotOneIsRefusedNamingTheOption() throws IOException {
        Path file = Files.writeString(directory.resolve("file.txt"), "x");
        assertThatThrownBy(() -> start(Map.of("web.page-dir", file.toString())))
                .isInstanceOf(TransportException.class).hasMessageContaining("web.page-dir").hasMessageContaining("not a directory");
        assertThatThrownBy(() -> start(Map.of("web.page-dir", directory.resolve("missing").toString())))
                .isInstanceOf(TransportException.class).hasMessageContaining("web.page-dir");
    }

    @Test
    void aPageDirectoryOverSixteenMebibytesIsRefusedNamingTheOption() throws IOException {
        Path page = Files.createDirectories(directory.resolve("big"));
        Files.write(page.resolve("a.bin"), new byte[(int) (PageFiles.MAX_TOTAL_BYTES / 2)]);
        Files.write(page.resolve("b.bin"), new byte[(int) (PageFiles.MAX_TOTAL_BYTES / 2) + 1]);
        assertThatThrownBy(() -> start(Map.of("web.page-dir", page.toString())))
                .isInstanceOf(TransportException.class).hasMessageContaining("web.page-dir").hasMessageContaining("16 MiB");
    }

    private String rawRequestLine(String requestLine) throws IOException {
        TransportAddress address = transport.localAddresses().get(0);
        String[] hostPort = address.address().split(":");
        try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
