package dev.streamlens.testjobs;

import java.time.Duration;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * Streamlens test job: an unbounded, rate-limited order stream with event time, a keyed
 * tumbling-window aggregate and a rebalance, so the job graph has several vertices joined
 * by FORWARD, HASH and REBALANCE edges. Checkpoints every 5 s (the window state is keyed).
 *
 * <pre>
 * orders-source -FORWARD-> parse+timestamps -HASH-> revenue-window -REBALANCE-> format -> sink
 * </pre>
 */
public class OrdersPipeline {

    /** A POJO (public fields, no-arg constructor) so Flink serializes it without Kryo. */
    public static class Order {
        public long orderId;
        public String customer;
        public double amount;
        public long eventTime;

        public Order() {}
    }

    /** Per-customer revenue of one window. */
    public static class Revenue {
        public String customer;
        public long orders;
        public double total;

        public Revenue() {}
    }

    /** Deterministic order #n: 20 customers, amounts 1.00..499.99, up to 3 s out of order. */
    public static class OrderGenerator implements GeneratorFunction<Long, Order> {
        @Override
        public Order map(Long n) {
            Order o = new Order();
            o.orderId = n;
            o.customer = "customer-" + (n % 20);
            o.amount = 1 + ((n % 49900) * 7919 % 49900) / 100.0; // no overflow: n spans all longs
            o.eventTime = System.currentTimeMillis() - ((n % 3000) * 31 % 3000);
            return o;
        }
    }

    /** A non-chained step so the source → here edge is a FORWARD edge between vertices. */
    public static class Validate implements MapFunction<Order, Order> {
        @Override
        public Order map(Order o) {
            if (o.amount <= 0) {
                throw new IllegalArgumentException("amount must be positive: " + o.orderId);
            }
            return o;
        }
    }

    public static class ByCustomer implements KeySelector<Order, String> {
        @Override
        public String getKey(Order o) {
            return o.customer;
        }
    }

    public static class SumRevenue implements AggregateFunction<Order, Revenue, Revenue> {
        @Override
        public Revenue createAccumulator() {
            return new Revenue();
        }

        @Override
        public Revenue add(Order o, Revenue acc) {
            acc.customer = o.customer;
            acc.orders += 1;
            acc.total += o.amount;
            return acc;
        }

        @Override
        public Revenue getResult(Revenue acc) {
            return acc;
        }

        @Override
        public Revenue merge(Revenue a, Revenue b) {
            a.orders += b.orders;
            a.total += b.total;
            return a;
        }
    }

    public static class Format implements MapFunction<Revenue, String> {
        @Override
        public String map(Revenue r) {
            return String.format("%s orders=%d total=%.2f", r.customer, r.orders, r.total);
        }
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(5_000);

        // Rate-limited so the job costs almost no CPU on a small machine.
        DataGeneratorSource<Order> source = new DataGeneratorSource<>(
                new OrderGenerator(), Long.MAX_VALUE, RateLimiterStrategy.perSecond(40),
                TypeInformation.of(Order.class));

        DataStream<Order> orders = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "orders-source")
                .uid("orders-source");

        DataStream<Order> timed = orders
                .map(new Validate()).name("validate-order").uid("validate-order")
                .startNewChain() // break the chain: source -FORWARD-> validate
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<Order>forBoundedOutOfOrderness(Duration.ofSeconds(3))
                                .withTimestampAssigner((o, ts) -> o.eventTime))
                .name("event-time-watermarks").uid("event-time-watermarks");

        timed
                .keyBy(new ByCustomer()) // HASH
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .aggregate(new SumRevenue())
                .name("revenue-per-customer-10s").uid("revenue-per-customer-10s")
                .rebalance() // REBALANCE
                .map(new Format()).name("format-revenue").uid("format-revenue")
                .sinkTo(new DiscardingSink<>()).name("revenue-sink").uid("revenue-sink");

        env.execute("OrdersPipeline");
    }
}
