# Plots the sustained-load CSV: throughput, p50/p99 latency and service memory per window, with the
# windows during the reload marked. Usage:
#   gnuplot -e "data='docs/benchmarks/sustained.csv'; out='docs/benchmarks/sustained.png'" benchmarks/plots/sustained.gp
set datafile separator ","
set terminal pngcairo size 1000,800 font ",10"
set output out
set multiplot layout 3,1 title "Sustained load at about 70% of saturation, catalog reloaded in the middle"
set xlabel "seconds"
set grid
set key outside right
set y2range [0:1.1]
unset y2tics

set ylabel "requests/s"
set yrange [0:*]
plot data using 1:2 with linespoints pt 7 ps 0.5 lc rgb "navy" title "req/s", \
     data using 1:8 axes x1y2 with steps lw 2 lc rgb "orange" title "reload running"

set ylabel "latency ms"
set logscale y
set yrange [*:*]
plot data using 1:3 with linespoints pt 7 ps 0.5 title "p50", \
     data using 1:4 with linespoints pt 7 ps 0.5 title "p99", \
     data using 1:8 axes x1y2 with steps lw 2 lc rgb "orange" title "reload running"
unset logscale y

set ylabel "service RSS MB"
set yrange [0:*]
plot data using 1:7 with linespoints pt 7 ps 0.5 lc rgb "dark-green" title "RSS", \
     data using 1:8 axes x1y2 with steps lw 2 lc rgb "orange" title "reload running"
unset multiplot
