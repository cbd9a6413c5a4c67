package dev.v2l.io;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Writing files so that a reader never sees half of one: the bytes go to {@code .NAME.tmp} beside the file, which is
 * renamed over it when complete and deleted on every failure path. The temporary file is created like any other
 * (the process's umask applies: 0644 under umask 022, not {@code createTempFile}'s 0600), and when it replaces an
 * existing file it takes that file's permissions. Failures are {@link BadInputException}s naming the file and the
 * reason in words.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** The temporary name used while {@code file} is written. */
    public static Path temporary(Path file) {
        Path abs = file.toAbsolutePath();
        return abs.resolveSibling("." + abs.getFileName() + ".tmp");
    }

    public static void write(Path file, byte[] bytes) {
        try (Output out = create(file)) {
            out.stream().write(bytes);
            out.commit();
        } catch (IOException e) {
            throw FileProblems.writing(file, e);
        }
    }

    public static void writeString(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A file being written: write to {@link #stream()} or {@link #writer()}, then {@link #commit()}; closing without
     * committing deletes the temporary file and leaves any earlier file untouched. Parent folders are created.
     */
    public static Output create(Path file) {
        Path target = file.toAbsolutePath();
        Path tmp = temporary(target);
        try {
            if (Files.isDirectory(target)) {
                throw BadInputException.ofFile(file.toString(), "cannot write: is a folder; expected a file path",
                        null);
            }
            Files.createDirectories(target.getParent());
            OutputStream os = Files.newOutputStream(tmp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            return new Output(file, target, tmp, os);
        } catch (IOException e) {
            throw FileProblems.writing(file, e);
        }
    }

    /** An output in progress; see {@link AtomicFiles#create}. */
    public static final class Output implements AutoCloseable {
        private final Path named;
        private final Path target;
        private final Path tmp;
        private final OutputStream raw;
        private final OutputStream stream;
        private Writer writer;
        private boolean committed;
        private boolean closed;

        Output(Path named, Path target, Path tmp, OutputStream raw) {
            this.named = named;
            this.target = target;
            this.tmp = tmp;
            this.raw = raw;
            this.stream = new FilterOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() {
                    // closed by the Output
                }
            };
        }

        /** The file's final path. */
        public Path path() {
            return target;
        }

        public OutputStream stream() {
            return stream;
        }

        /** A UTF-8 writer over the same bytes (buffered; flushed on commit). */
        public Writer writer() {
            if (writer == null) {
                writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            }
            return writer;
        }

        /** Flushes, closes and renames the file into place. */
        public void commit() {
            try {
                if (writer != null) {
                    writer.flush();
                }
                stream.flush();
                raw.close();
                closed = true;
                keepPermissionsOf(target, tmp);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                committed = true;
            } catch (IOException e) {
                throw FileProblems.writing(named, e);
            }
        }

        /** Without a commit: deletes the temporary file. */
        @Override
        public void close() {
            if (committed) {
                return;
            }
            try {
                if (!closed) {
                    raw.close();
                }
            } catch (IOException ignored) {
                // being discarded
            } finally {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more can be done; the name starts with a dot and is replaced next time
                }
            }
        }
    }

    private static void keepPermissionsOf(Path existing, Path tmp) {
        if (!Files.exists(existing)) {
            return;
        }
        PosixFileAttributeView from = Files.getFileAttributeView(existing, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (from == null || to == null) {
            return;
        }
        try {
            Set<PosixFilePermission> p = from.readAttributes().permissions();
            to.setPermissions(p);
        } catch (IOException | UnsupportedOperationException ignored) {
            // the umask's permissions stay
        }
    }
}
