package dev.v2l.io;

/**
 * Input that is not what we expected. The message names the file, where in it (scene id or line), the field, what
 * was expected and what was found; the command line maps it to exit code 2.
 */
public class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String location;
    private final String field;

    public BadInputException(String file, String location, String field, String problem) {
        super(compose(file, location, field, problem));
        this.file = file;
        this.location = location;
        this.field = field;
    }

    public BadInputException(String file, String location, String field, String problem, Throwable cause) {
        super(compose(file, location, field, problem), cause);
        this.file = file;
        this.location = location;
        this.field = field;
    }

    /** A file-level problem (missing, unreadable, not JSON). */
    public static BadInputException ofFile(String file, String problem, Throwable cause) {
        return new BadInputException(file, null, null, problem, cause);
    }

    private static String compose(String file, String location, String field, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file).append(": ");
        }
        if (location != null) {
            sb.append(location).append(": ");
        }
        if (field != null) {
            sb.append("field '").append(field).append("': ");
        }
        return sb.append(problem).toString();
    }

    public String file() {
        return file;
    }

    public String location() {
        return location;
    }

    public String field() {
        return field;
    }
}
