FROM scratch
RUN echo $NOPE
CMD echo $NOPE
