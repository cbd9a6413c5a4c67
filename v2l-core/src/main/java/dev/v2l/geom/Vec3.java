package dev.v2l.geom;

/** A point or direction in a scene's 3D world frame, in metres. Which axis is up is declared by the scene. */
public record Vec3(double x, double y, double z) {

    public static final Vec3 ZERO = new Vec3(0, 0, 0);

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    public Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    public double length() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    public double distanceTo(Vec3 o) {
        return minus(o).length();
    }

    /** This vector scaled to length 1; throws for the zero vector. */
    public Vec3 normalized() {
        double len = length();
        if (!(len > 0) || !Double.isFinite(len)) {
            throw new IllegalArgumentException("cannot normalize " + this + ": it has no direction");
        }
        return new Vec3(x / len, y / len, z / len);
    }

    public boolean isFinite() {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z);
    }

    public double[] toArray() {
        return new double[] {x, y, z};
    }

    public static Vec3 of(double[] xyz) {
        if (xyz.length != 3) {
            throw new IllegalArgumentException("a 3D vector needs 3 numbers, got " + xyz.length);
        }
        return new Vec3(xyz[0], xyz[1], xyz[2]);
    }
}
