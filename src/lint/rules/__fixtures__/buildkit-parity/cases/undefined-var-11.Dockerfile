FROM scratch
ENV A=1 B=${A:-2}
