package org.tomprotocol.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code tom node --web HOST:PORT} in its own JVM: it prints the page's URL and serves the chat page of the image it
 * runs from ({@code tom.home}/web, as {@code bin/tom} sets it), unless {@code --option web.page-dir=…} names another.
 */
class NodeWebOptionTest {
    @TempDir
    Path work;
    private Process tom;

    @AfterEach
    void stop() throws InterruptedException {
        TomProcess.stop(tom);
    }

    private String pageServedBy(List<String> jvmOptions, String... extra) throws Exception {
        String[] args = new String[4 + extra.length];
        System.arraycopy(new String[] {"node", "--json", "--web", "127.0.0.1:0"}, 0, args, 0, 4);
        System.arraycopy(extra, 0, args, 4, extra.length);
        tom = TomProcess.start(work, jvmOptions, args);
        BlockingQueue<JsonNode> events = TomProcess.events(tom);
        JsonNode started = TomProcess.await(events, "started");
        String url = TomProcess.await(events, "web").get("url").asText();
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/");
        assertThat(started.get("addresses").toString()).contains("ws:" + url.substring("http://".length(), url.length() - 1));
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        try {
            assertThat(connection.getResponseCode()).isEqualTo(200);
            return new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void theNodeServesThePageOfTheImageItRunsFrom() throws Exception {
        Path home = work.resolve("image");
        Files.writeString(Files.createDirectories(home.resolve("web")).resolve("index.html"), "the image's page");

        assertThat(pageServedBy(List.of("-Dtom.home=" + home))).isEqualTo("the image's page");
    }

    @Test
    void aPageDirectoryGivenAsAnOptionWinsOverTheImagesPage() throws Exception {
        Path home = work.resolve("image");
        Files.writeString(Files.createDirectories(home.resolve("web")).resolve("index.html"), "the image's page");
        Path mine = Files.createDirectories(work.resolve("mine"));
        Files.writeString(mine.resolve("index.html"), "an operator's page");

        assertThat(pageServedBy(List.of("-Dtom.home=" + home), "--option", "web.page-dir=" + mine))
                .isEqualTo("an operator's page");
    }

    @Test
    void withoutAnImageThePageNamesTheNodeAndItsSocket() throws Exception {
        assertThat(pageServedBy(List.of())).contains("ToM node").contains("/tom");
    }
}
