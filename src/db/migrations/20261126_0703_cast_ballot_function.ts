import { type Kysely, sql } from 'kysely'

/**
 * A ballot's whole write as one server-side function, so a cast costs one round trip instead of
 * five (begin, read, write, event, commit): on this class of machine the round trips, not the SQL,
 * are what a ballot costs (docs/PERFORMANCE.md, "Casting ballots"). It is the same work as before,
 * in the same transaction: take the election's queue lock in shared mode (the close takes it
 * exclusively), then re-read the election. Each statement of a PL/pgSQL function takes a fresh
 * snapshot in READ COMMITTED, so the read after the lock sees a close that committed while this
 * cast waited, and no ballot can land in a queue the close has already emptied.
 *
 * It answers with an outcome word instead of raising, so the caller maps each refusal to its
 * domain code; every refusal returns before anything is written. The event row is written here
 * with the payload the caller validated against the catalogue (`election.ballot_cast`, empty).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function cast_ballot(
      p_election_id bigint,
      p_member_id bigint,
      p_contest_ids bigint[],
      p_preferences text[],
      p_tracker text,
      p_now timestamptz,
      p_actor_kind text,
      p_actor_account_id bigint,
      p_event_payload jsonb
    ) returns text
    language plpgsql
    as $$
    declare
      v_state text;
      v_open timestamptz;
      v_close timestamptz;
      v_body bigint;
      v_region bigint;
      v_voice text;
      v_voter_region bigint;
    begin
      -- The lock class of src/core/elections/ballot-queue.ts (0x0ba11070), keyed by election.
      perform pg_advisory_xact_lock_shared(195104880, (p_election_id % 2147483647)::int4);
      select state, voting_open_at, voting_close_at, body_id, region_id
        into v_state, v_open, v_close, v_body, v_region
        from elections where id = p_election_id;
      if not found then return 'not-found'; end if;
      if v_state in ('closed', 'cancelled') or p_now >= v_close then return 'closed'; end if;
      if v_state <> 'voting' or p_now < v_open then return 'wrong-phase'; end if;
      select voice, region_id into v_voice, v_voter_region
        from election_electors where election_id = p_election_id and member_id = p_member_id;
      if not found then return 'not-in-electorate'; end if;
      if v_voice <> 'vote' then return 'consultative'; end if;
      -- The roll's primary key decides a race between casts by one voter: the loser waits for
      -- the winner to commit and writes nothing.
      insert into election_voters (election_id, member_id, region_id)
        values (p_election_id, p_member_id, v_voter_region)
        on conflict do nothing;
      if not found then return 'already-voted'; end if;
      -- The queue carries the election's region, never the voter's (that would narrow who cast it).
      insert into ballot_queue (election_id, contest_id, region_id, preferences, tracker)
        select p_election_id, c.contest_id, v_region, c.preferences::int4[], p_tracker
        from unnest(p_contest_ids, p_preferences) as c(contest_id, preferences);
      insert into events (type, occurred_at, actor_kind, actor_account_id, body_id, region_id,
          subject_kind, subject_id, payload)
        values ('election.ballot_cast', p_now, p_actor_kind, p_actor_account_id, v_body, v_region,
          'election', p_election_id, p_event_payload);
      return 'cast';
    end
    $$`.execute(db)
}
