"""Lower bound on DS3's speed (see SocSpeedBenchmark): the event skeleton DS3's design imposes, and nothing else.

DS3 (segemena/DS3) runs a SimPy manager process that wakes every 1 us of simulated time, evaluates every PE each
10 us sample, deep-copies a job template at each injection, and runs each task as a SimPy process that steps to the
next 10 us sample boundary. This script does exactly that with the cheapest possible work in between: the fastest
PE type is fixed per task (no scheduler), ready/executable bookkeeping is O(1), and none of DS3's list scans (the
completed list in ETF/EFT and utilisation updates), traces or DTPM calls are done. Real DS3 is therefore slower.

With --ds3-scans it also does the two linear scans DS3's code does on its list of completed tasks, which DS3 trims
by only part of the oldest job per job completion (DASH_Sim_core.update_completed_queue): every 10 us sample scans
it once per idle PE (DASH_Sim_utils.update_PE_utilization_and_info), and ETF scans it for every (ready task, PE,
predecessor) triple (scheduler.ETF). That is an estimate of DS3's real cost with ETF.

Usage: python3 ds3_tick_skeleton.py <shared/reference/soc dir> [simulated_us] [--ds3-scans]   (needs SimPy 3, e.g. python3-simpy3)
"""
import copy, random, sys, time
import simpy

def read_fastest_times(path):
    best = {}
    for line in open(path):
        tok = line.split()
        if len(tok) >= 2 and not tok[0].startswith('#') and tok[0] not in ('add_new_resource', 'opp', 'trip_freq', 'DTPM_trip_freq',
                'power_profile', 'PG_profile', 'comm_band', 'comm_band_self', 'None'):
            best[tok[0]] = min(best.get(tok[0], 1e9), float(tok[1]))
    return best

class Task:
    def __init__(self, name, preds):
        self.name, self.preds, self.succs, self.pending, self.job = name, preds, [], len(preds), None

def read_job(path, fastest):
    tasks = []
    for line in open(path):
        tok = line.split()
        if len(tok) >= 2 and tok[1].isdigit() and not tok[0].startswith('#') and tok[0] not in ('add_new_tasks', 'comm_vol'):
            tasks.append(Task(tok[0], [int(p) for p in tok[2:]]))
    for i, t in enumerate(tasks):
        t.exec_us = fastest[t.name]
        for p in t.preds: tasks[p].succs.append(i)
    return tasks

def run(ref, length_us, scans):
    fastest = read_fastest_times(ref + '/socs/SoC.MULTIPLE_BAL.txt')
    apps = [read_job(ref + '/jobs/job_WIFI_5TXM.txt', fastest), read_job(ref + '/jobs/job_WIFI_5RXM.txt', fastest)]
    env = simpy.Environment()
    pes = [simpy.Resource(env, capacity=1) for _ in range(17)]
    state = {'ready': [], 'executable': [], 'done': 0, 'in_flight': 0, 'energy': 0.0, 'next_pe': 0, 'completed': [], 'jobs': 0}
    random.seed(0)

    def pe_run(pe, task):
        with pes[pe].request() as req:
            yield req
            left = task.exec_us
            while left > 0:                                   # DS3 steps to each 10 us sample boundary
                step = min(left, 10 - env.now % 10)
                state['energy'] += 1e-6 * step
                yield env.timeout(step)
                left -= step
            job = task.job
            if scans:
                state['completed'].append(task)
                if not task.succs: trim_completed()
            for s in task.succs:
                t = job[s]
                t.pending -= 1
                if t.pending == 0: state['ready'].append(t)
            if not task.succs:
                state['done'] += 1
                state['in_flight'] -= 1

    def trim_completed():
        done = state['completed']
        done.sort(key=lambda t: t.job_id)
        if done[-1].job_id - done[0].job_id > 15:             # drops every other task of the oldest job
            oldest = done[0].job_id
            state['completed'] = [t for i, t in enumerate(done) if not (t.job_id == oldest and i % 2 == 0)]

    def scan_completed(pe_id):
        busy = 0
        for t in state['completed']:
            if t.pe == pe_id: busy += 1
        return busy

    def generator():
        while True:
            if state['in_flight'] >= 12:
                yield env.timeout(1)
                continue
            job = copy.deepcopy(apps[0 if random.random() < 0.8 else 1])   # DS3 deep-copies the job template
            state['jobs'] += 1
            for t in job:
                t.job, t.job_id = job, state['jobs']
                if not t.preds: state['ready'].append(t)
            state['in_flight'] += 1
            yield env.timeout(int(random.expovariate(1 / 200)))

    def manager():
        while True:                                           # DS3's 1 us clock
            if env.now % 10 == 0:
                for i, pe in enumerate(pes):                  # per-sample PE evaluation
                    if pe.count == 0:
                        state['energy'] += 1e-7
                        if scans: scan_completed(i)
            if state['ready']:
                for t in state['ready']:
                    if scans:
                        for _pe in range(17):
                            for _p in t.preds:
                                for c in state['completed']:
                                    if c is t.job[_p]: break
                    t.pe = state['next_pe'] = (state['next_pe'] + 1) % 16
                state['executable'].extend(state['ready'])
                state['ready'] = []
            keep = []
            for t in state['executable']:
                if pes[t.pe].count == 0 and len(pes[t.pe].queue) == 0: env.process(pe_run(t.pe, t))
                else: keep.append(t)
            state['executable'] = keep
            yield env.timeout(1)

    env.process(generator())
    env.process(manager())
    start = time.process_time()
    env.run(until=length_us)
    return state["done"], time.process_time() - start

if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    scans = '--ds3-scans' in sys.argv
    length = float(args[1]) if len(args) > 1 else 200_000
    done, seconds = run(args[0], length, scans)
    what = 'with DS3\'s completed-list scans (estimate of DS3 + ETF)' if scans else 'skeleton only (an upper bound on DS3)'
    print(f'DS3 {what}: {done} jobs in {seconds:.2f} CPU-s = {done / seconds:.0f} jobs per CPU-second')
