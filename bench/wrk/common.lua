-- Shared by the benchmark's wrk scripts: the seeded users (BENCH_SEED, written by bench/seed.py),
-- each wrk thread's share of them, and one RESULT line for bench/run to read.
local seed = dofile(os.getenv("BENCH_SEED"))
users = seed.users
-- BENCH_USERS_SET=big: the users whose "Big" group holds 1,000 conversations (the move case into and out of it).
if os.getenv("BENCH_USERS_SET") == "big" then
   users = seed.big
end
groupNames = seed.groupNames
sized = seed.sized
failures = 0

local threads = {}
local nextId = 0

function setup(thread)
   thread:set("tid", nextId)
   nextId = nextId + 1
   table.insert(threads, thread)
end

-- The users this thread drives alone (writes to one user never race between threads), in turn.
function myUsers(tid, nthreads)
   local mine = {}
   for i = 1, #users do
      if (i - 1) % nthreads == tid then
         table.insert(mine, users[i])
      end
   end
   return mine
end

function auth(token, extra)
   local h = {Authorization = "Bearer " .. token}
   if extra then
      for k, v in pairs(extra) do h[k] = v end
   end
   return h
end

function done(summary, latency, requests)
   local failed = 0
   for _, t in ipairs(threads) do
      failed = failed + (t:get("failures") or 0)
   end
   local e = summary.errors
   io.write(string.format('RESULT {"requests": %d, "seconds": %.3f, "p50_ms": %.3f, "p99_ms": %.3f, '
         .. '"errors": %d, "failures": %d, "bytes": %d}\n',
      summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      e.connect + e.read + e.write + e.timeout + e.status, failed, summary.bytes))
end
