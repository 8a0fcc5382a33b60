# syntax=docker/dockerfile:1
# check=experimental=all
FROM golang:1.23 AS build
