package dev.v2l.spark;

import dev.v2l.dataset.OutputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A build's output folder on a Hadoop file system (a local folder, HDFS, S3A…), usable on the driver and, shipped
 * with a task, on executors. Files are written under a hidden temporary name unique to the writer and renamed into
 * place when committed, so a reader never sees a partial file and a retried task replaces, never duplicates, what an
 * earlier attempt wrote. Local folders use Hadoop's raw local file system (no {@code .crc} side files), so they hold
 * exactly what the CLI writes.
 */
public final class HadoopOutput implements OutputFiles, Serializable {

    private static final long serialVersionUID = 1L;

    private final String root;
    private transient Configuration conf;
    private transient FileSystem fs;

    /** @param root a folder: a local path or a URI ({@code hdfs://nn/data/v2l}, {@code s3a://bucket/v2l}) */
    public HadoopOutput(String root, Configuration conf) {
        this.root = root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root;
        this.conf = conf;
    }

    /** The folder as given. */
    public String root() {
        return root;
    }

    Path path(String relativePath) {
        return relativePath.isEmpty() ? new Path(root) : new Path(root, relativePath);
    }

    synchronized FileSystem fs() throws IOException {
        if (fs == null) {
            FileSystem f = new Path(root).getFileSystem(conf);
            fs = f instanceof LocalFileSystem local ? local.getRawFileSystem() : f;
        }
        return fs;
    }

    @Override
    public Pending create(String relativePath) throws IOException {
        Path file = path(relativePath);
        Path tmp = new Path(file.getParent(), "." + file.getName() + "." + UUID.randomUUID() + ".tmp");
        FileSystem f = fs();
        f.mkdirs(file.getParent());
        return OutputFiles.pending(f.create(tmp, true), () -> {
            if (!f.rename(tmp, file)) {
                // Hadoop's rename does not replace: the file is an earlier attempt's (or run's) copy.
                f.delete(file, false);
                if (!f.rename(tmp, file)) {
                    throw new IOException("cannot rename " + tmp + " to " + file);
                }
            }
        }, () -> f.delete(tmp, false));
    }

    @Override
    public String location(String relativePath) {
        Path p = path(relativePath);
        URI u = p.toUri();
        if (u.getScheme() == null || "file".equals(u.getScheme())) {
            return new java.io.File(u.getPath()).getAbsolutePath();
        }
        return p.toString();
    }

    /** Whether the file exists. */
    public boolean exists(String relativePath) throws IOException {
        return fs().exists(path(relativePath));
    }

    /** Reads a file. */
    public InputStream open(String relativePath) throws IOException {
        return fs().open(path(relativePath));
    }

    /** Deletes a file or a folder with everything in it; false when there was nothing. */
    public boolean delete(String relativePath) throws IOException {
        return fs().delete(path(relativePath), true);
    }

    /** The names in a folder (none when it does not exist). */
    public List<String> list(String relativePath) throws IOException {
        List<String> out = new ArrayList<>();
        Path dir = path(relativePath);
        if (!fs().exists(dir)) {
            return out;
        }
        for (FileStatus s : fs().listStatus(dir)) {
            out.add(s.getPath().getName());
        }
        return out;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        conf.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        conf = new Configuration(false);
        conf.readFields(in);
    }
}
