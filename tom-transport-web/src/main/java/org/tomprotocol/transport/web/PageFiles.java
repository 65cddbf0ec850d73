package org.tomprotocol.transport.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.tomprotocol.spi.transport.TransportException;

/**
 * The static files the endpoint serves (its chat page), read once when it starts: a request can only name a file that
 * was there then, so no request reaches the file system and no path can climb out of the directory.
 */
final class PageFiles {
    /** Bounds what an operator's directory can make the node hold in memory. */
    static final long MAX_TOTAL_BYTES = 16L * 1024 * 1024;
    private static final int MAX_DEPTH = 4;
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json", "svg", "image/svg+xml",
            "png", "image/png", "ico", "image/x-icon", "txt", "text/plain; charset=utf-8",
            "map", "application/json");

    /** One file: its bytes and media type. */
    record File(byte[] content, String type) {
    }

    private final Map<String, File> files;

    private PageFiles(Map<String, File> files) {
        this.files = Map.copyOf(files);
    }

    static PageFiles none() {
        return new PageFiles(Map.of());
    }

    /**
     * Every regular file under {@code directory} (four levels deep at most), by its path from there with {@code /}
     * separators.
     *
     * @throws TransportException naming {@code optionKey} if the directory cannot be read or holds more than 16 MiB
     */
    static PageFiles read(Path directory, String optionKey) throws TransportException {
        if (!Files.isDirectory(directory)) {
            throw new TransportException(optionKey + " is '" + directory + "': not a directory");
        }
        Map<String, File> files = new HashMap<>();
        long total = 0;
        try (Stream<Path> walk = Files.walk(directory, MAX_DEPTH)) {
            for (Path path : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                byte[] content = Files.readAllBytes(path);
                total += content.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw new TransportException(optionKey + " is '" + directory + "': more than "
                            + MAX_TOTAL_BYTES / (1024 * 1024) + " MiB of files");
                }
                String name = directory.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
                files.put(name, new File(content, typeOf(name)));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new TransportException(optionKey + " is '" + directory + "': cannot read it: " + e.getMessage(), e);
        }
        return new PageFiles(files);
    }

    private static String typeOf(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    /** The file a request path names ({@code /} is {@code index.html}; a query string is ignored). */
    Optional<File> lookup(String requestPath) {
        int query = requestPath.indexOf('?');
        String path = query < 0 ? requestPath : requestPath.substring(0, query);
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        return Optional.ofNullable(files.get(name));
    }
}
