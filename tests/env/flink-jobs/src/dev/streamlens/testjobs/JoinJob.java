package dev.streamlens.testjobs;

import java.time.Duration;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.co.ProcessJoinFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;

/**
 * Streamlens test job with two sources and a keyed two-input operator: orders and payments,
 * each with event-time watermarks set at the source, keyed by customer and joined with an
 * event-time interval join (a payment within ±2 s of its order), then formatted and discarded.
 * Parallelism 2, checkpoints every 5 s. Compiles against Flink 1.20 and 2.x.
 *
 * <pre>
 * orders-source   -HASH-\
 *                        join-orders-payments -> format-match -> match-sink   (one chained vertex)
 * payments-source -HASH-/
 * </pre>
 *
 * Args: [ordersPerSecond] [paymentsPerSecond]   (defaults 15 and 12)
 */
public class JoinJob {

    public static class Order {
        public long orderId;
        public String customer;
        public double amount;
        public long eventTime;

        public Order() {}
    }

    public static class Payment {
        public long paymentId;
        public String customer;
        public double amount;
        public String method;
        public long eventTime;

        public Payment() {}
    }

    public static class Match {
        public String customer;
        public long orderId;
        public long paymentId;
        public long skewMs;

        public Match() {}
    }

    /** Order #n: 20 customers, up to 2 s out of order. */
    public static class OrderGenerator implements GeneratorFunction<Long, Order> {
        @Override
        public Order map(Long n) {
            Order o = new Order();
            o.orderId = n;
            o.customer = "customer-" + (n % 20);
            o.amount = 1 + (n % 49900) * 7919 % 49900 / 100.0; // n % first: n spans all longs
            o.eventTime = System.currentTimeMillis() - (n % 2000) * 37 % 2000;
            return o;
        }
    }

    /** Payment #n: the same 20 customers in another order, up to 2 s out of order. */
    public static class PaymentGenerator implements GeneratorFunction<Long, Payment> {
        private static final String[] METHODS = {"card", "sepa", "paypal"};

        @Override
        public Payment map(Long n) {
            Payment p = new Payment();
            p.paymentId = n;
            p.customer = "customer-" + (n % 20) * 7 % 20;
            p.amount = 1 + (n % 31337) * 104729 % 49900 / 100.0;
            p.method = METHODS[(int) (n % METHODS.length)];
            p.eventTime = System.currentTimeMillis() - (n % 2000) * 53 % 2000;
            return p;
        }
    }

    public static class OrderCustomer implements KeySelector<Order, String> {
        @Override
        public String getKey(Order o) {
            return o.customer;
        }
    }

    public static class PaymentCustomer implements KeySelector<Payment, String> {
        @Override
        public String getKey(Payment p) {
            return p.customer;
        }
    }

    public static class MatchOrderPayment extends ProcessJoinFunction<Order, Payment, Match> {
        @Override
        public void processElement(Order o, Payment p, Context ctx, Collector<Match> out) {
            Match m = new Match();
            m.customer = o.customer;
            m.orderId = o.orderId;
            m.paymentId = p.paymentId;
            m.skewMs = p.eventTime - o.eventTime;
            out.collect(m);
        }
    }

    public static class Format implements MapFunction<Match, String> {
        @Override
        public String map(Match m) {
            return m.customer + " order=" + m.orderId + " payment=" + m.paymentId + " skew=" + m.skewMs + "ms";
        }
    }

    public static void main(String[] args) throws Exception {
        int ordersPerSecond = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int paymentsPerSecond = args.length > 1 ? Integer.parseInt(args[1]) : 12;

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(5_000);

        DataGeneratorSource<Order> orderSource = new DataGeneratorSource<>(
                new OrderGenerator(), Long.MAX_VALUE, RateLimiterStrategy.perSecond(ordersPerSecond),
                TypeInformation.of(Order.class));
        DataGeneratorSource<Payment> paymentSource = new DataGeneratorSource<>(
                new PaymentGenerator(), Long.MAX_VALUE, RateLimiterStrategy.perSecond(paymentsPerSecond),
                TypeInformation.of(Payment.class));

        DataStream<Order> orders = env.fromSource(orderSource,
                        WatermarkStrategy.<Order>forBoundedOutOfOrderness(Duration.ofSeconds(2))
                                .withTimestampAssigner((o, ts) -> o.eventTime),
                        "orders-source")
                .uid("orders-source");
        DataStream<Payment> payments = env.fromSource(paymentSource,
                        WatermarkStrategy.<Payment>forBoundedOutOfOrderness(Duration.ofSeconds(2))
                                .withTimestampAssigner((p, ts) -> p.eventTime),
                        "payments-source")
                .uid("payments-source");

        orders.keyBy(new OrderCustomer()) // HASH
                .intervalJoin(payments.keyBy(new PaymentCustomer())) // HASH
                .between(Duration.ofSeconds(-2), Duration.ofSeconds(2))
                .process(new MatchOrderPayment())
                .name("join-orders-payments").uid("join-orders-payments")
                .map(new Format()).name("format-match").uid("format-match")
                .sinkTo(new DiscardingSink<>()).name("match-sink").uid("match-sink");

        env.execute("JoinJob");
    }
}
