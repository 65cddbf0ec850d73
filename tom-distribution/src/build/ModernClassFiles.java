import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Rewrites, in place, the class files of a jar compiled for a Java older than 6 (picocli's are for Java 5) as Java 8
 * class files with stack maps, which the JVM's ahead-of-time cache can hold: it skips "old" classes, so each start
 * loaded, verified (with the old verifier) and linked them again. Only the version and the stack maps change; the
 * bytecode is the same. Run at build time by the runtime image's build (JDK 24+: java.lang.classfile):
 * {@code java ModernClassFiles.java some.jar}.
 */
public final class ModernClassFiles {
    private static final int OLDEST_KEPT = ClassFile.JAVA_6_VERSION;

    private ModernClassFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java ModernClassFiles.java JAR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        int upgraded = 0;
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Path root = zip.getPath("/");
            ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(type -> {
                                String descriptor = type.descriptorString();
                                try {
                                    Path file = root.resolve(descriptor.substring(1, descriptor.length() - 1) + ".class");
                                    return Files.exists(file) ? Files.newInputStream(file) : null;
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            }))));
            List<Path> classes;
            try (Stream<Path> files = Files.walk(root)) {
                classes = files.filter(file -> file.toString().endsWith(".class")
                        && !file.toString().endsWith("module-info.class")).toList();
            }
            for (Path file : classes) {
                ClassModel model = classFile.parse(Files.readAllBytes(file));
                if (model.majorVersion() >= OLDEST_KEPT) {
                    continue;
                }
                byte[] modern = classFile.transformClass(model, ClassTransform.transformingMethodBodies(
                        CodeTransform.ACCEPT_ALL).andThen(ClassTransform.endHandler(builder ->
                                builder.with(ClassFileVersion.of(ClassFile.JAVA_8_VERSION, 0)))));
                Files.write(file, modern);
                upgraded++;
            }
        }
        System.out.println(jar.getFileName() + ": " + upgraded + " class files rewritten for Java 8");
    }
}
