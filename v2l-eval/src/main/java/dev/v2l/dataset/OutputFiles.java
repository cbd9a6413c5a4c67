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

    /** A step of a commit or clean-up. */
    interface IoStep {
        void run() throws IOException;
    }

    /**
     * A file being written to {@code stream} under a temporary name: commit closes the stream and runs
     * {@code publish} (the rename); close without commit closes it and runs {@code discard}.
     */
    static Pending pending(OutputStream stream, IoStep publish, IoStep discard) {
        return new Pending() {
            private boolean done;

            @Override
            public OutputStream stream() {
                return stream;
            }

            @Override
            public void commit() throws IOException {
                stream.close();
                publish.run();
                done = true;
            }

            @Override
            public void close() throws IOException {
                if (!done) {
                    done = true;
                    stream.close();
                    discard.run();
                }
            }
        };
    }

    /** A local folder. */
    static OutputFiles local(Path dir) {
        return new OutputFiles() {
            @Override
            public Pending create(String relativePath) throws IOException {
                Path file = dir.resolve(relativePath);
                Files.createDirectories(file.getParent());
                Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
                return pending(Files.newOutputStream(tmp), () -> Files.move(tmp, file,
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE),
                        () -> Files.deleteIfExists(tmp));
            }

            @Override
            public String location(String relativePath) {
                return dir.toAbsolutePath().resolve(relativePath).toString();
            }
        };
    }
}
