# Plots "latest 10" p50 latency against connections, service and direct store, per catalog size.
# Input: CSV lines "products,store,connections,service_p50,direct_p50" (bin/benchmark-query extracts
# them from docs/benchmarks/query.md). Usage:
#   gnuplot -e "data='target/query-latest.csv'; out='docs/benchmarks/query.png'" benchmarks/plots/query.gp
set datafile separator ","
set terminal pngcairo size 1000,450 font ",10"
set output out
set multiplot layout 1,2 title "latest 10: p50 latency, service and direct store (lower is better)"
set xlabel "connections"
set ylabel "p50 ms"
set logscale x 2
set grid
set key top left
sizes = system("cut -d, -f1 " . data . " | sort -nu | tr '\\n' ' '")
do for [store in "redis elasticsearch"] {
  set title store
  plot for [s in sizes] data using ($1 == s + 0 && strcol(2) eq store ? $3 : 1/0):4 with linespoints pt 7 title sprintf("service, %s products", s), \
       for [s in sizes] data using ($1 == s + 0 && strcol(2) eq store ? $3 : 1/0):5 with linespoints dt 2 pt 6 title sprintf("direct, %s products", s)
}
unset multiplot
