package dev.v2l.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The output folder of a build, addressed by paths relative to it ({@code images/SCENE/000003.jpg},
 * {@code stats.json}). Every file is written under a temporary name and appears whole, under its own name, only when
 * committed, replacing what was there; an uncommitted file leaves nothing behind. The CLI writes to a local folder
 * ({@link #local}); the Spark jobs write to any Hadoop file system through the same interface.
 */
public interface OutputFiles {

    /** A file being written: commit makes it appear; close without commit deletes it. */
    interface Pending extends AutoCloseable {
        OutputStream stream();

        void commit() throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Starts writing {@code relativePath} (folders are created as needed). */
    Pending create(String relativePath) throws IOException;

    /** Where {@code relativePath} is, as a user or a training framework would name it (an absolute path or a URI). */
    String location(String relativePath);

    /** Writes a whole file atomically. */
    default void write(String relativePath, byte[] bytes) throws IOException {
        try (Pending p = create(relativePath)) {
            p.stream().write(bytes);
            p.commit();
        }
    }

    /** A local folder. */
    static OutputFiles local(Path dir) {
        return new OutputFiles() {
            @Override
            public Pending create(String relativePath) throws IOException {
                Path file = dir.resolve(relativePath);
                Files.createDirectories(file.getParent());
                Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
                OutputStream os = Files.newOutputStream(tmp);
                return new Pending() {
                    private boolean committed;

                    @Override
                    public OutputStream stream() {
                        return os;
                    }

                    @Override
                    public void commit() throws IOException {
                        os.close();
                        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                        committed = true;
                    }

                    @Override
                    public void close() throws IOException {
                        if (!committed) {
                            os.close();
                            Files.deleteIfExists(tmp);
                        }
                    }
                };
            }

            @Override
            public String location(String relativePath) {
                return dir.toAbsolutePath().resolve(relativePath).toString();
            }
        };
    }
}
