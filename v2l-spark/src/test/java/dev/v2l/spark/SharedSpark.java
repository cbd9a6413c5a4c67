package dev.v2l.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One local Spark for all of the module's tests (starting one takes seconds): two cores, and a failed task is tried
 * once more ({@code local[2,2]}: local mode retries only when the master says so).
 */
final class SharedSpark {

    private static JavaSparkContext sc;

    private SharedSpark() {
    }

    static synchronized JavaSparkContext get() {
        if (sc == null) {
            SparkConf conf = new SparkConf().setMaster("local[2,2]").setAppName("v2l-spark tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1");
            sc = new JavaSparkContext(conf);
            Runtime.getRuntime().addShutdownHook(new Thread(sc::stop));
        }
        return sc;
    }
}
