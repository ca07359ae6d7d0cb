import ConsentVault
import Foundation

/// Group commit: requests that arrive while a transaction is being written wait together and then
/// share the next one (`VaultQueue.group`): one `BEGIN`, one savepoint per request, one `COMMIT`
/// and one WAL sync. A request's answer is handed back only after the commit that made it durable;
/// a request that fails rolls back only its own savepoint. One thread writes; the connection
/// threads wait for their answers.
final class GroupCommitter: @unchecked Sendable {
    /// The work of one request, run inside the group as the caller.
    typealias Work = @Sendable (Vault) throws -> HTTPResponse

    /// One request waiting for its group: its work, then its answer.
    private final class Job: @unchecked Sendable {
        let work: Work
        /// Written by the committer thread before `done` is signalled; read by the submitter after.
        var result: Result<HTTPResponse, any Error> = .failure(GroupCommitter.stopped)
        let done = DispatchSemaphore(value: 0)
        init(_ work: @escaping Work) { self.work = work }
    }

    /// Most requests in one transaction: bounds how long the last of them waits for the commit.
    static let maximumGroup = 64

    private static let stopped = Problem(status: 503, code: "shutting_down", detail: "the service is stopping")

    private let queue: VaultQueue
    private let condition = NSCondition()
    private var pending: [Job] = []
    private var isStopping = false
    private var isRunning = false
    /// Groups committed and requests in them, for the benchmark's report.
    private(set) var statistics = (groups: 0, requests: 0)

    /// A committer for the vault behind `queue`; `start` launches its thread.
    init(queue: VaultQueue) {
        self.queue = queue
    }

    /// Starts the committer thread.
    func start() {
        condition.withLock { isRunning = true }
        let thread = Thread { [self] in commitLoop() }
        thread.start()
    }

    /// Runs `work` in the next group and returns its answer once that group has committed.
    func submit(_ work: @escaping Work) throws -> HTTPResponse {
        let job = Job(work)
        let accepted = condition.withLock { () -> Bool in
            guard !isStopping else { return false }
            pending.append(job)
            condition.signal()
            return true
        }
        guard accepted else { throw Self.stopped }
        job.done.wait()
        return try job.result.get()
    }

    /// Commits what is pending, then ends the thread; returns when it has ended.
    func stop() {
        condition.withLock {
            isStopping = true
            condition.broadcast()
            while isRunning { condition.wait() }
        }
    }

    private func commitLoop() {
        while true {
            condition.lock()
            while pending.isEmpty && !isStopping { condition.wait() }
            if pending.isEmpty {
                isRunning = false
                condition.broadcast()
                condition.unlock()
                return
            }
            let group = Array(pending.prefix(Self.maximumGroup))
            pending.removeFirst(group.count)
            condition.unlock()
            let results = queue.group(group.map(\.work))
            condition.withLock { statistics = (statistics.groups + 1, statistics.requests + group.count) }
            for (job, result) in zip(group, results) {
                job.result = result
                job.done.signal()
            }
        }
    }
}
